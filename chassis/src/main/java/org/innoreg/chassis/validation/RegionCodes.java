package org.innoreg.chassis.validation;

/** GB/T 2260 codes are hierarchical by prefix: 43 Hunan, 4307 Changde, 430703 Dingcheng. */
public final class RegionCodes {

    private RegionCodes() {
    }

    /**
     * The prefix every code in the region's subtree shares: "43" for 430000, "4307" for 430700, the
     * whole code for a district or special area. A filter on a region is {@code code LIKE prefix || '%'}.
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
}
