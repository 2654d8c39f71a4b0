package org.innoreg.chassis.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** GB/T 2260 codes are hierarchical by prefix: 43 Hunan, 4307 Changde, 430703 Dingcheng. */
public final class RegionCodes {

    private RegionCodes() {}

    /**
     * The prefix every code in the region's subtree shares: "43" for 430000, "4307" for 430700, the
     * whole code for a district or special area. A filter on a region is {@code code LIKE prefix ||
     * '%'}.
     */
    public static String descendantPrefix(String code) {
        if (code.endsWith("0000")) {
            return code.substring(0, 2);
        }
        if (code.endsWith("00")) {
            return code.substring(0, 4);
        }
        return code;
    }

    /**
     * Beijing, Tianjin, Shanghai, Chongqing: their districts sit directly under the province-level
     * code.
     */
    private static final Set<String> MUNICIPALITIES = Set.of("11", "12", "31", "50");

    /**
     * The region and every region above it, nearest first: 430703 → 430703, 430700, 430000; 110112
     * (a Beijing district) → 110112, 110000.
     */
    public static List<String> withAncestors(String code) {
        List<String> codes = new ArrayList<>(3);
        codes.add(code);
        String city = code.substring(0, 4) + "00";
        if (!city.equals(code)
                && !code.endsWith("0000")
                && !MUNICIPALITIES.contains(code.substring(0, 2))) {
            codes.add(city);
        }
        String province = code.substring(0, 2) + "0000";
        if (!province.equals(code)) {
            codes.add(province);
        }
        return codes;
    }
}
