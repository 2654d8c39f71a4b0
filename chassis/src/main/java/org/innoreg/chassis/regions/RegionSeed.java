package org.innoreg.chassis.regions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The regions the registry starts with: the codes of {@code db/region-seed/V2__seed_regions.sql},
 * the migration that inserts them into the registry's {@code region} table.
 *
 * <p>Why a file and not the topic: those rows are inserted by Flyway, not through the write
 * pipeline, so they have no outbox row and no event; a consumer reading {@code registry.region.v1}
 * from its beginning sees only the regions created since, through the API. The other services read
 * the same file the registry's Flyway runs, so they know exactly the seeded regions without a copy
 * that could drift. Flyway refuses a changed checksum, so this file never changes: its one-tuple-a-
 * line form is fixed, and a region added later comes through the API and its event.
 */
public final class RegionSeed {

    /** On the classpath (the chassis jar); the registry's Flyway reads the folder too. */
    public static final String RESOURCE = "db/region-seed/V2__seed_regions.sql";

    /** The first value of each tuple: {@code ('430700', '常德市', ...}. */
    private static final Pattern CODE = Pattern.compile("\\(\\s*'([1-9][0-9]{5})'");

    private RegionSeed() {}

    /** The seeded codes, read from the classpath. */
    public static Set<String> codes() {
        try (InputStream in = RegionSeed.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return codes(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The codes of the tuples in the migration's text. */
    static Set<String> codes(String sql) {
        Set<String> codes = new TreeSet<>();
        Matcher m = CODE.matcher(sql);
        while (m.find()) {
            codes.add(m.group(1));
        }
        if (codes.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " names no region");
        }
        return Set.copyOf(codes);
    }
}
