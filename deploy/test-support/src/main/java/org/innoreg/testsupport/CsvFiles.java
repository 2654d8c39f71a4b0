package org.innoreg.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import java.util.stream.Collectors;

/** CSV files as the import tests send them and read the exports back. */
public final class CsvFiles {

    private static final String ADMIN = "Bearer " + TestTokens.admin();

    private CsvFiles() {}

    /** {@code csv} posted to the import at {@code path} by an administrator. */
    public static ValidatableResponse importAsAdmin(String path, String csv, boolean dryRun) {
        return given().header("Authorization", ADMIN)
                .contentType("text/csv; charset=UTF-8")
                .body(csv)
                .queryParam("dryRun", dryRun)
                .post(path)
                .then();
    }

    /**
     * The header and the rows that mention {@code tag} (a test database holds other tests' records
     * too), without the byte order mark the exports start with.
     */
    public static String rowsOf(String export, String tag) {
        String body = export.startsWith("\uFEFF") ? export.substring(1) : export;
        String header = body.lines().findFirst().orElseThrow();
        return header
                + "\n"
                + body.lines()
                        .skip(1)
                        .filter(line -> line.contains(tag))
                        .collect(Collectors.joining("\n"))
                + "\n";
    }
}
