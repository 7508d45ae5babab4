package org.vigil.matching.evidence;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.vigil.matching.evidence.Matcher.PreparedDevice;
import org.vigil.matching.evidence.Matcher.PreparedProduct;
import org.vigil.matching.evidence.Wording.Role;
import org.vigil.matching.evidence.Wording.Word;

/**
 * Does the device's model name the advisory's product? Evidence is weighed, not counted word by word:
 * <ul>
 * <li>a UDI-DI, a listed catalog or model number, or a shared model number (with list and range membership) is
 * strong; a model number on both sides that disagrees ("Medfusion 3500" / "Medfusion 4000", "MX700" outside
 * "MX400-550") is a conflict;
 * <li>product-line words (words that are not descriptive, not the company's or its brands') must all be named for
 * strong evidence, one of them for a review; descriptive words ("analyzer", "central station") count only when the
 * name has nothing else;
 * <li>words of the device that the product does not have (a line word or a model number of its own) make the
 * evidence weaker: the device may be another product of the same company.
 * </ul>
 */
public final class ProductEvidence {

    /** How well the device names the product: enough, enough for a review, contradicted, or not at all. */
    public enum Level { STRONG, REVIEW, CONFLICT, NONE }

    /** The evidence: level, reasons, and the words behind it (product words named and missing, device words left). */
    public record Result(Level level, List<String> reasons, boolean udi, boolean slotIsModel, List<String> named,
            List<String> missing, List<String> extras) {
        public boolean found() {
            return level == Level.STRONG || level == Level.REVIEW;
        }

        public boolean weak() {
            return level == Level.REVIEW;
        }
    }

    private ProductEvidence() {
    }

    static Result of(PreparedDevice d, PreparedProduct p) {
        var df = d.facts();
        var pf = p.facts();
        String device = "model '" + df.model() + "'";
        String product = "product '" + pf.product() + "'" + (p.slotIsModel() ? " / '" + pf.versionText() + "'" : "");
        if (df.udiDi() != null && pf.udiDis() != null && pf.udiDis().contains(df.udiDi())) {
            return result(Level.STRONG, "UDI-DI '" + df.udiDi() + "' listed for " + product, true, p);
        }
        String identifier = identifier(d, p);
        if (identifier != null) {
            return result(Level.STRONG, identifier, false, p);
        }
        Coverage.Side ds = d.side();
        Coverage.Side ps = p.side();
        boolean[] pHit = Coverage.of(ps, ds);
        boolean[] dHit = Coverage.of(ds, ps);
        List<Word> pw = ps.wording().words;
        List<Word> dw = ds.wording().words;

        List<String> named = new ArrayList<>();
        Set<Integer> specific = new LinkedHashSet<>();
        Set<Integer> specificCovered = new LinkedHashSet<>();
        Set<Integer> family = new LinkedHashSet<>();
        Set<Integer> familyCovered = new LinkedHashSet<>();
        Set<Integer> kindGroups = new LinkedHashSet<>();
        Set<Integer> kindCovered = new LinkedHashSet<>();
        Set<Integer> brandGroups = new LinkedHashSet<>();
        Set<Integer> brandCovered = new LinkedHashSet<>();
        boolean productCodes = !ps.wording().ranges.isEmpty();
        boolean codeHit = false;
        for (int i = 0; i < pw.size(); i++) {
            Word w = pw.get(i);
            if (pHit[i] && w.role() != Role.GENERIC) {
                named.add(w.text());
            }
            if (w.optional()) {
                continue;
            }
            switch (w.role()) {
                case CODE -> {
                    productCodes = true;
                    codeHit |= pHit[i];
                }
                case LINE -> {
                    boolean fam = p.familyStems().contains(w.stem());
                    (fam ? family : specific).add(w.group());
                    if (pHit[i]) {
                        (fam ? familyCovered : specificCovered).add(w.group());
                    }
                }
                case KIND -> {
                    kindGroups.add(w.group());
                    if (pHit[i]) {
                        kindCovered.add(w.group());
                    }
                }
                case BRAND -> {
                    brandGroups.add(w.group());
                    if (pHit[i]) {
                        brandCovered.add(w.group());
                    }
                }
                default -> {
                }
            }
        }
        List<String> missingLine = new ArrayList<>();
        List<String> missingKind = new ArrayList<>();
        for (int i = 0; i < pw.size(); i++) {
            Word w = pw.get(i);
            if (pHit[i] || w.optional()) {
                continue;
            }
            if (w.role() == Role.LINE && !specificCovered.contains(w.group()) && !familyCovered.contains(w.group())) {
                missingLine.add(w.text());
            } else if (w.role() == Role.KIND && !kindCovered.contains(w.group())) {
                missingKind.add(w.text());
            }
        }
        boolean slotModel = p.slotIsModel();
        boolean lineNamed = !specificCovered.isEmpty() || !familyCovered.isEmpty();
        List<String> deviceCodes = new ArrayList<>();
        List<String> extras = new ArrayList<>();
        List<String> otherKinds = new ArrayList<>();
        boolean extraLine = false;
        for (int i = 0; i < dw.size(); i++) {
            Word w = dw.get(i);
            if (w.optional()) {
                continue;
            }
            if (w.role() == Role.KIND && !dHit[i]) {
                otherKinds.add(w.text());
            }
            if (!w.distinctive()) {
                continue;
            }
            if (w.role() == Role.CODE) {
                deviceCodes.add(w.text());
                codeHit |= dHit[i] && productCodes;
                if (p.slotValues().contains(w.text())) {
                    // "InTouch ICU Bed" with "2131 and 2141" in the version slot: those are its models.
                    slotModel = true;
                    codeHit = true;
                    dHit[i] = true;
                } else if (!dHit[i] && productCodes && (suffixOf(w.text(), pw)
                        // "ExactaMix 2400" for "ExactaMix EM2400": the number without its letters, the line agreeing.
                        || lineNamed && withoutDesignator(w.text(), pw)
                        // "Alaris PCU 8015" for "Alaris PC Unit Model 8015": letters joined to the product's number.
                        || (lineNamed || !brandCovered.isEmpty()) && withExtraDesignator(w.text(), pw))) {
                    codeHit = true;
                    dHit[i] = true;
                }
            }
            if (!dHit[i]) {
                extras.add(w.text());
                extraLine |= w.role() == Role.LINE;
            }
        }
        String words = named.isEmpty() ? "" : " (" + String.join(", ", named) + ")";
        String release = otherRelease(ds.wording().versions, ps.wording().versions);
        if (release != null) {
            return new Result(Level.CONFLICT, List.of(device + " names release " + release + ", " + product
                    + " another"), false, slotModel, named, missingLine, extras);
        }
        if (contextConflict(pw, pHit, dw, dHit)) {
            return new Result(Level.CONFLICT, List.of(device + " names another model in its context words than "
                    + product), false, slotModel, named, missingLine, extras);
        }
        if (productCodes && !deviceCodes.isEmpty() && !codeHit) {
            return new Result(Level.CONFLICT, List.of(device + " has model number " + String.join("/", deviceCodes)
                    + ", not one of " + product), false, slotModel, named, missingLine, extras);
        }
        Level level;
        String why = device + " ~ " + product + words;
        if (missingLine.isEmpty() && slotModelNamed(pw, pHit)) {
            // "CoaguChek XS Pro" in the version slot of "Point of Care handheld medical devices": the slot names it.
            return new Result(Level.STRONG, List.of(why), false, true, named, missingLine, extras);
        }
        boolean designator = named.stream().anyMatch(ps.wording().designators::contains);
        if (!codeHit && !designator && specificCovered.size() <= 1 && !missingKind.isEmpty() && !otherKinds.isEmpty()) {
            // "Vue RIS" is not "Vue PACS": a shared family or brand word, and each side names its own kind.
            level = Level.NONE;
            why = device + " names another kind of product (" + String.join(", ", otherKinds) + ") than " + product
                    + " (" + String.join(", ", missingKind) + ")";
        } else if (codeHit) {
            Set<Integer> line = specific.isEmpty() ? family : specific;
            Set<Integer> lineCovered = specific.isEmpty() ? familyCovered : specificCovered;
            // "IntelliBridge Enterprise … with SureSigns" / "VS4" is IntelliBridge, not the SureSigns VS4 monitor.
            if (specific.size() + family.size() >= 2 && specificCovered.isEmpty() && familyCovered.isEmpty()) {
                return new Result(Level.NONE, List.of(device + " shares a model number with " + product
                        + " but names none of its product words (" + String.join(", ", missingLine) + ")"), false,
                        slotModel, named, missingLine, extras);
            }
            boolean otherLine = !line.isEmpty() && lineCovered.isEmpty() && extraLine;
            boolean otherKind = line.isEmpty() && extraLine && !missingKind.isEmpty();
            level = otherLine || otherKind ? Level.REVIEW : Level.STRONG;
            List<String> numbers = named.stream().filter(ProductText::isCode).toList();
            String same = numbers.isEmpty() ? words : " (model number " + String.join(", ", numbers) + ")";
            why = level == Level.STRONG ? device + " ~ " + product + same
                    : device + " ~ " + product + same + ", but other product words: review";
        } else if (!specific.isEmpty()) {
            if (specificCovered.size() == specific.size()) {
                // A family word the device does not name ("Tasy" of "Tasy EMR"): the line is not confirmed.
                level = familyCovered.size() < family.size() && !codeHit ? Level.REVIEW : Level.STRONG;
            } else if (!specificCovered.isEmpty() && (extras.isEmpty() || !extraLine && deviceCodes.isEmpty())) {
                level = Level.REVIEW;
                why = why + ", but not " + String.join(", ", missingLine) + ": review";
            } else {
                level = Level.NONE;
            }
        } else if (!family.isEmpty()) {
            // Only family words ("IntelliSpace", "Vue"): the kind words must agree too.
            if (familyCovered.isEmpty() || familyCovered.size() < family.size() && !extras.isEmpty()) {
                level = Level.NONE;
            } else if (kindGroups.isEmpty() || kindCovered.size() == kindGroups.size()) {
                level = extraLine || familyCovered.size() < family.size() ? Level.REVIEW : Level.STRONG;
            } else {
                // Extra model numbers are the family's members ("NovaSeq 6000" of "NovaSeq Control Software").
                level = (extras.isEmpty() || !extraLine) && otherKinds.isEmpty() ? Level.REVIEW : Level.NONE;
                why = why + ", a product family shared by several products: review";
            }
        } else if (!kindGroups.isEmpty()) {
            int n = kindGroups.size();
            int c = kindCovered.size();
            // A brand the product names and the device does not, while the device names a line of its own: the
            // device is another product of that company ("Kiestra DB Manager" is not "Alaris Systems Manager").
            boolean otherBrand = extraLine && brandNotNamed(pw, pHit, df.manufacturer(), pf.vendor());
            // "Orthanc" for "Orthanc server": a product named after its brand, and the device names that brand and
            // nothing else of its own.
            boolean brandOnly = c == 0 && !brandGroups.isEmpty() && brandCovered.size() == brandGroups.size()
                    && extras.isEmpty() && otherKinds.isEmpty();
            level = otherBrand ? Level.NONE : c == n && (!extraLine || n >= 2) ? Level.STRONG
                    : c == n || c >= 2 && c * 3 >= n * 2 && !extraLine
                            || c >= 1 && extras.isEmpty() && otherKinds.isEmpty() || brandOnly ? Level.REVIEW
                            : Level.NONE;
            why = why + (level == Level.REVIEW ? ": review" : "");
        } else if (!brandGroups.isEmpty() && brandCovered.size() == brandGroups.size() && !extraLine) {
            // A name of nothing but the brand ("Alaris"): the device names the brand and nothing else of its own.
            level = Level.REVIEW;
            why = why + ": the brand only: review";
        } else {
            level = Level.NONE;
        }
        if (level == Level.NONE) {
            String part = partOf(p.context(), ds, extras);
            if (part != null && deviceCodes.stream().noneMatch(c -> !part.contains(c))) {
                return new Result(Level.REVIEW, List.of(product + " is part of what its full name names ('"
                        + pf.fullName() + "'), and " + device + " names " + part + ": review"), false, slotModel,
                        named, missingLine, extras);
            }
            boolean sameCode = df.productCode() != null && df.productCode().equalsIgnoreCase(pf.productCode());
            if (sameCode) {
                return new Result(Level.REVIEW, List.of("FDA product code '" + pf.productCode() + "' of " + product
                        + " = device product code; model not named: review"), false, false, named, missingLine, extras);
            }
            return new Result(Level.NONE, List.of(device + " does not name " + product
                    + (missingLine.isEmpty() ? "" : " (missing " + String.join(", ", missingLine) + ")")), false,
                    false, named, missingLine, extras);
        }
        if (level == Level.STRONG && !codeHit && deviceCodes.isEmpty() && listsIdentifiers(pf)) {
            level = Level.REVIEW;
            why = device + " ~ " + product + ", but its catalog or model number is not given: review";
        } else if (!codeHit && !deviceCodes.isEmpty() && listsIdentifiers(pf)) {
            level = Level.REVIEW;
            why = device + " ~ " + product + ", but the model number is not among those listed: review";
        }
        return new Result(level, List.of(why), false, slotModel, named, missingLine, extras);
    }

    /** Distinctive words of the full name's context that the device names, or null. */
    private static String partOf(Coverage.Side context, Coverage.Side device, List<String> extras) {
        if (context.wording().words.isEmpty()) {
            return null;
        }
        boolean[] hit = Coverage.of(context, device);
        List<String> named = new ArrayList<>();
        for (int i = 0; i < hit.length; i++) {
            Word w = context.wording().words.get(i);
            if (hit[i] && w.distinctive()) {
                named.add(w.text());
            }
        }
        return named.isEmpty() ? null : String.join(", ", named);
    }

    /** "Image Vault 9.x" against "Image Vault 3.x": both names give a release line, and they differ. */
    private static String otherRelease(List<String> device, List<String> product) {
        if (device.isEmpty() || product.isEmpty()) {
            return null;
        }
        for (String d : device) {
            for (String p : product) {
                String a = d.replaceAll("(\\.x)+$", "");
                String b = p.replaceAll("(\\.x)+$", "");
                if (a.startsWith(b) || b.startsWith(a)) {
                    return null;
                }
            }
        }
        return device.get(0);
    }

    /** "SpaceStation with SpaceCom 3" against "… with SpaceCom 2": model numbers in the context words disagree. */
    private static boolean contextConflict(List<Word> pw, boolean[] pHit, List<Word> dw, boolean[] dHit) {
        boolean product = false;
        for (int i = 0; i < pw.size(); i++) {
            product |= pw.get(i).optional() && pw.get(i).role() == Role.CODE;
        }
        boolean device = false;
        for (int i = 0; i < dw.size(); i++) {
            if (dw.get(i).optional() && dw.get(i).role() == Role.CODE) {
                if (dHit[i]) {
                    return false;
                }
                device = true;
            }
        }
        return product && device;
    }

    /** Every distinctive word of a model written in the version slot is named (and there is one). */
    private static boolean slotModelNamed(List<Word> pw, boolean[] pHit) {
        boolean any = false;
        for (int i = 0; i < pw.size(); i++) {
            Word w = pw.get(i);
            if (w.slot() && !w.optional() && w.distinctive()) {
                if (!pHit[i]) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** A brand word of the product (not the vendor's or the device maker's own name) that the device does not name. */
    private static boolean brandNotNamed(List<Word> pw, boolean[] pHit, String manufacturer, String vendor) {
        Set<String> own = new java.util.HashSet<>(ProductText.tokens(manufacturer));
        own.addAll(ProductText.tokens(vendor));
        for (int i = 0; i < pw.size(); i++) {
            if (pw.get(i).role() == Role.BRAND && !pHit[i] && !pw.get(i).optional() && !own.contains(pw.get(i).text())) {
                return true;
            }
        }
        return false;
    }

    /** "VS4" for the "S4" of a version slot: a device model number ending in the product's, one letter longer. */
    private static boolean suffixOf(String code, List<Word> productWords) {
        for (Word w : productWords) {
            if (w.role() == Role.CODE && code.length() == w.text().length() + 1 && code.endsWith(w.text())
                    && Character.isLetter(code.charAt(0)) && Character.isLetter(w.text().charAt(0))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A device number of three or more digits that is a product model number with its designator left off: "2400"
     * and "em2400". Only the letters in front; "2400" is not "em2400b", and "240" is not "em2400".
     */
    private static boolean withoutDesignator(String code, List<Word> productWords) {
        if (code.length() < 3 || !code.chars().allMatch(Character::isDigit)) {
            return false;
        }
        for (Word w : productWords) {
            String designator = ModelNumbers.designator(w.text());
            if (w.role() == Role.CODE && !designator.isEmpty() && designator.length() <= 3
                    && w.text().equals(designator + code)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A device model number that is letters joined to one of the product's model numbers: "pcu8015" (from "PCU 8015")
     * and "8015", "prm3120" and "3120", "hdxt3t" and "3t" of "3.0T Signa Hdxt". The product's number must have
     * three or more digits, or the letters must be a word of the product; "mx450" is not "x450".
     */
    private static boolean withExtraDesignator(String code, List<Word> productWords) {
        String designator = ModelNumbers.designator(code);
        String rest = code.substring(designator.length());
        if (designator.isEmpty() || designator.length() > 5 || rest.isEmpty()) {
            return false;
        }
        boolean letterWord = productWords.stream().anyMatch(w -> w.text().equals(designator));
        for (Word w : productWords) {
            if (w.role() == Role.CODE && w.text().equals(rest) && Character.isDigit(rest.charAt(0))
                    && (letterWord || rest.chars().filter(Character::isDigit).count() >= 3)) {
                return true;
            }
        }
        return false;
    }

    private static Result result(Level level, String reason, boolean udi, PreparedProduct p) {
        return new Result(level, List.of(reason), udi, false, List.of(), List.of(), List.of());
    }

    private static String identifier(PreparedDevice d, PreparedProduct p) {
        List<String> ids = new ArrayList<>();
        if (p.facts().modelNumbers() != null) {
            ids.addAll(p.facts().modelNumbers());
        }
        if (p.facts().catalogNumbers() != null) {
            ids.addAll(p.facts().catalogNumbers());
        }
        String catalog = ProductText.squash(d.facts().catalogNumber());
        for (String id : ids) {
            String s = ProductText.squash(id);
            if (s.isEmpty()) {
                continue;
            }
            if (s.equals(catalog)) {
                return "catalog number '" + d.facts().catalogNumber() + "' listed as '" + id + "'";
            }
            if (ProductText.isCode(s) && d.side().runs().contains(s)) {
                return "model '" + d.facts().model() + "' carries listed model number '" + id + "'";
            }
        }
        return null;
    }

    private static boolean listsIdentifiers(ProductFacts p) {
        return (p.modelNumbers() != null && !p.modelNumbers().isEmpty())
                || (p.catalogNumbers() != null && !p.catalogNumbers().isEmpty());
    }
}
