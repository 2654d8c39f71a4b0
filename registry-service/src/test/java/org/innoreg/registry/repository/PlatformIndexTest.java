package org.innoreg.registry.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import org.innoreg.registry.domain.PlatformLevel;
import org.innoreg.registry.domain.PlatformStatus;
import org.innoreg.registry.domain.PlatformType;
import org.innoreg.registry.mapping.PlatformFilter;
import org.jboss.logging.Logger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every platform filter, the text search and every sort order are served by an index, so lists stay
 * fast at a million platforms. The plans are logged; the test fails if a filter loses its index.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class PlatformIndexTest {

    private static final Logger LOG = Logger.getLogger(PlatformIndexTest.class);

    @Inject PlatformSearch platforms;

    static java.util.stream.Stream<Arguments> filters() {
        PlatformFilter none =
                filter(Set.of(), Set.of(), Set.of(), null, null, null, null, null, null);
        return java.util.stream.Stream.of(
                Arguments.of(
                        "type + level",
                        filter(
                                Set.of(PlatformType.KEY_LABORATORY),
                                Set.of(PlatformLevel.NATIONAL),
                                Set.of(),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        PlatformSort.NAME,
                        "platform_type_level"),
                Arguments.of(
                        "region subtree",
                        filter(
                                Set.of(), Set.of(), Set.of(), "430700", null, null, null, null,
                                null),
                        PlatformSort.NAME,
                        "platform_region"),
                Arguments.of(
                        "status",
                        filter(
                                Set.of(),
                                Set.of(),
                                Set.of(PlatformStatus.REVOKED),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        PlatformSort.NAME,
                        "platform_status"),
                Arguments.of(
                        "field",
                        filter(
                                Set.of(),
                                Set.of(),
                                Set.of(),
                                null,
                                "new materials",
                                null,
                                null,
                                null,
                                null),
                        PlatformSort.NAME,
                        "platform_fields"),
                Arguments.of(
                        "host",
                        filter(
                                Set.of(),
                                Set.of(),
                                Set.of(),
                                null,
                                null,
                                UUID.randomUUID(),
                                null,
                                null,
                                null),
                        PlatformSort.NAME,
                        "platform_host_organization"),
                Arguments.of(
                        "accredited from",
                        filter(
                                Set.of(),
                                Set.of(),
                                Set.of(),
                                null,
                                null,
                                null,
                                LocalDate.of(2019, 1, 1),
                                null,
                                null),
                        PlatformSort.NAME,
                        "platform_accredited_on"),
                Arguments.of(
                        "changed since",
                        filter(
                                Set.of(),
                                Set.of(),
                                Set.of(),
                                null,
                                null,
                                null,
                                null,
                                OffsetDateTime.parse("2026-01-01T00:00:00Z"),
                                null),
                        PlatformSort.NAME,
                        "platform_updated_at"),
                Arguments.of(
                        "text",
                        filter(Set.of(), Set.of(), Set.of(), null, null, null, null, null, "孵化器"),
                        PlatformSort.RELEVANCE,
                        "platform_search"),
                Arguments.of("sort by name", none, PlatformSort.NAME, "platform_name"),
                Arguments.of(
                        "sort by accreditation",
                        none,
                        PlatformSort.ACCREDITED_ON_DESC,
                        "platform_accredited_sort"),
                Arguments.of(
                        "sort by change",
                        none,
                        PlatformSort.UPDATED_AT_DESC,
                        "platform_updated_at"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    @TestTransaction
    void usesAnIndex(String name, PlatformFilter filter, PlatformSort sort, String index) {
        String plan = platforms.explain(filter, sort);
        LOG.infof("plan for %s:%n%s", name, plan);
        assertThat(plan).as("plan for %s", name).contains(index);
    }

    private static PlatformFilter filter(
            Set<PlatformType> types,
            Set<PlatformLevel> levels,
            Set<PlatformStatus> statuses,
            String region,
            String field,
            UUID host,
            LocalDate from,
            OffsetDateTime changedSince,
            String q) {
        return new PlatformFilter(
                types, levels, statuses, region, field, host, from, null, changedSince, q);
    }
}
