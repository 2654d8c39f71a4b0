package org.innoreg.registry.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.concurrent.atomic.AtomicInteger;

/** Test data built through the public API, with unique names and valid USCCs per call. */
public final class Fixtures {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {
        1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
    };
    private static final AtomicInteger SEQUENCE =
            new AtomicInteger((int) (System.nanoTime() % 100000));

    private Fixtures() {}

    /**
     * A fresh, valid unified social credit code of an enterprise registered in the given region.
     */
    public static String uscc(String region) {
        String body = "91" + region + String.format("%09d", SEQUENCE.incrementAndGet());
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(body.charAt(i)) * WEIGHTS[i];
        }
        return body + ALPHABET.charAt((31 - sum % 31) % 31);
    }

    public static String unique(String prefix) {
        return prefix + SEQUENCE.incrementAndGet();
    }

    public static String organization(String uscc, String nameZh, String region) {
        return """
                {"uscc":"%s","nameZh":"%s","nameEn":"%s Co., Ltd.","kind":"ENTERPRISE","regionCode":"%s"}
                """
                .formatted(uscc, nameZh, nameZh, region);
    }

    public static String createOrganization(String nameZh, String region) {
        return given().contentType(ContentType.JSON)
                .body(organization(uscc(region), nameZh, region))
                .post("/api/v1/organizations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static String platform(
            String nameZh, String type, String level, String region, String extra) {
        return """
                {"nameZh":"%s","nameEn":"%s","type":"%s","level":"%s","regionCode":"%s"%s}
                """
                .formatted(nameZh, nameZh, type, level, region, extra == null ? "" : "," + extra);
    }

    public static String createPlatform(
            String nameZh, String type, String level, String region, String extra) {
        return given().contentType(ContentType.JSON)
                .body(platform(nameZh, type, level, region, extra))
                .post("/api/v1/platforms")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
