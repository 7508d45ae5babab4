package org.vigil.matching.evidence;

import java.util.List;
import java.util.UUID;
import org.vigil.advisory.ProductStatus;
import org.vigil.matching.company.AliasRegistry;

/** Debugging aid: java -cp ... MatcherProbe "maker|model|version" "vendor|product|versionText". Not a test. */
public final class MatcherProbe {
    public static void main(String[] a) {
        Matcher m = new Matcher(AliasRegistry.builtIn());
        for (int i = 2; i < a.length; i++) {
            m.families().learn("Philips", a[i]);
        }
        String[] d = a[0].split("\\|", -1);
        String[] p = a[1].split("\\|", -1);
        var pd = m.prepare(new DeviceFacts(UUID.randomUUID(), null, d[0], d[1], d[2].isEmpty() ? null : d[2], null,
                null, null));
        var pp = m.prepare(new ProductFacts("X", "P", p[0], p[1], p[2].isEmpty() ? null : p[2],
                ProductStatus.AFFECTED, null, List.of(), List.of(), List.of()));
        System.out.println("device  " + pd.side().wording());
        System.out.println("product " + pp.side().wording() + " ranges " + pp.side().wording().ranges);
        System.out.println(ProductEvidence.of(pd, pp));
        System.out.println(m.weigh(pd, List.of(pp)).get(0).verdict() + " " + m.match(pd, List.of(pp)));
    }
}
