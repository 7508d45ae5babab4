package org.vigil.matching.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.vigil.matching.evidence.Matcher.PreparedDevice;
import org.vigil.matching.evidence.Matcher.PreparedProduct;

/**
 * Does the device's model name the advisory's product? Every distinctive word of the product name must appear in
 * the model (one may be missing from four or more; half suffice when a model number agrees), and model numbers
 * must not disagree ("Medfusion 3500" is not "Medfusion 4000"). When the product name is generic ("Point of Care
 * handheld medical devices") the model written in the version slot decides. Recalls add catalog and model numbers
 * and the FDA product code; a UDI-DI on both sides settles it.
 */
final class ProductEvidence {

    record Result(List<String> reasons, boolean weak, boolean udi, boolean slotIsModel) {
    }

    private ProductEvidence() {
    }

    static Result of(PreparedDevice d, PreparedProduct p) {
        var df = d.facts();
        var pf = p.facts();
        String device = "model '" + df.model() + "'";
        String product = "product '" + pf.product() + "'";
        if (df.udiDi() != null && pf.udiDis() != null && pf.udiDis().contains(df.udiDi())) {
            return new Result(List.of("UDI-DI '" + df.udiDi() + "' listed for " + product), false, true, false);
        }
        String identifier = identifier(d, p);
        // Values of the version slot that the model carries ("2131" in "InTouch bed 2131") are model numbers.
        List<String> slotModel = new ArrayList<>(p.slotWords());
        boolean[] slotValueHit = ProductText.covered(p.slotValues(), d.runs());
        for (int i = 0; i < slotValueHit.length; i++) {
            if (slotValueHit[i] && ProductText.isCode(p.slotValues().get(i))) {
                slotModel.add(p.slotValues().get(i));
            }
        }
        boolean slotIsModel = !p.slotWords().isEmpty() || slotModel.size() > p.slotWords().size();
        List<String> name = p.name();
        boolean[] nameHit = ProductText.covered(name, d.runs());
        boolean[] slotHit = ProductText.covered(slotModel, d.runs());
        boolean codeMatch = anyCode(name, nameHit) || anyCode(slotModel, slotHit);
        boolean productHasCode = name.stream().anyMatch(ProductText::isCode)
                || slotModel.stream().anyMatch(ProductText::isCode);
        boolean deviceHasCode = d.words().stream().anyMatch(ProductText::isCode);
        if (productHasCode && deviceHasCode && !codeMatch && identifier == null) {
            return null;
        }
        String slotText = slotIsModel ? " / '" + pf.versionText() + "'" : "";
        int n = name.size();
        int c = count(nameHit);
        // One product word may be missing from a long name, or from a short one when the model number agrees and
        // the model says nothing the product does not ("Alaris 8015" ~ "Alaris PC Unit Model 8015", but not
        // "Pyxis MedStation 4000" ~ "Pyxis Anesthesia System 4000").
        boolean deviceWithin = allCovered(d.words(), ProductText.runs(name));
        if (n > 0 && (c == n || (n >= 4 && c >= n - 1) || (codeMatch && c >= n - 1 && c > 0 && deviceWithin))) {
            // A recall that lists its model numbers, none of them the device's: same kind of product, maybe
            // another model.
            if (identifier == null && deviceHasCode && listsIdentifiers(pf)) {
                return new Result(List.of(device + " ~ " + product + ", but the model number is not among those "
                        + "listed: review"), true, false, false);
            }
            return new Result(List.of(device + " ~ " + product + slotText), false, false, slotIsModel);
        }
        if (n == 0 && !slotModel.isEmpty()) {
            int m = count(slotHit);
            int s = slotModel.size();
            if (m == s || (s >= 4 && m >= s - 1)) {
                return new Result(List.of(device + " ~ " + product + slotText), false, false, true);
            }
        }
        if (identifier != null) {
            return new Result(List.of(identifier), false, false, false);
        }
        boolean sameCode = df.productCode() != null && df.productCode().equalsIgnoreCase(pf.productCode());
        if (sameCode && (c > 0 || n == 0)) {
            return new Result(List.of("FDA product code '" + pf.productCode() + "' of " + product
                    + " = device product code; model not named: review"), true, false, false);
        }
        if (n == 0 && slotModel.isEmpty() && sharesGenericWord(df.model(), pf.product())) {
            return new Result(List.of(device + " is the same kind of device as the generic " + product
                    + ": review"), true, false, false);
        }
        return null;
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
            if (ProductText.isCode(s) && d.runs().contains(s)) {
                return "model '" + d.facts().model() + "' carries listed model number '" + id + "'";
            }
        }
        return null;
    }

    private static boolean listsIdentifiers(ProductFacts p) {
        return (p.modelNumbers() != null && !p.modelNumbers().isEmpty())
                || (p.catalogNumbers() != null && !p.catalogNumbers().isEmpty());
    }

    private static boolean sharesGenericWord(String model, String product) {
        Set<String> a = Set.copyOf(ProductText.tokens(model));
        return ProductText.tokens(product).stream()
                .anyMatch(t -> a.contains(t) && ProductText.GENERIC.contains(t) && t.length() > 3
                        && !Set.of("with", "model", "device", "devices", "medical", "system", "systems", "software",
                                "firmware", "version", "unit", "units", "series", "product", "products").contains(t));
    }

    private static boolean anyCode(List<String> words, boolean[] hit) {
        for (int i = 0; i < words.size(); i++) {
            if (hit[i] && ProductText.isCode(words.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean allCovered(List<String> words, Set<String> runs) {
        for (boolean b : ProductText.covered(words, runs)) {
            if (!b) {
                return false;
            }
        }
        return true;
    }

    private static int count(boolean[] hit) {
        int n = 0;
        for (boolean b : hit) {
            n += b ? 1 : 0;
        }
        return n;
    }
}
