package org.innoreg.registry.repository;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.innoreg.chassis.bulk.RegionalName;
import org.innoreg.chassis.validation.RegionCodes;
import org.innoreg.registry.domain.Platform;
import org.innoreg.registry.domain.PlatformHistoryEntry;
import org.innoreg.registry.mapping.PlatformView;

@ApplicationScoped
public class PlatformRepository implements PanacheRepositoryBase<Platform, UUID> {

    /** A page of platforms with the sort key of each, from which the next cursor is made. */
    public record Slice(List<PlatformView> platforms, List<String> keys) {}

    private final PlatformViewQuery views;
    private final ObjectMapper json;

    PlatformRepository(PlatformViewQuery views, ObjectMapper json) {
        this.views = views;
        this.json = json;
    }

    public Optional<Platform> findByName(String regionCode, String nameZh) {
        return find("regionCode = ?1 and nameZh = ?2", regionCode, nameZh).firstResultOptional();
    }

    /**
     * The platforms these keys name, by key, in one query (an import's lookup of a chunk of rows).
     */
    public Map<RegionalName, Platform> findByNames(Collection<RegionalName> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        List<Platform> candidates =
                list(
                        "regionCode in ?1 and nameZh in ?2",
                        RegionalName.regionCodes(keys),
                        RegionalName.names(keys));
        return RegionalName.matching(
                keys, candidates, p -> new RegionalName(p.regionCode, p.nameZh));
    }

    /**
     * Inserts new platforms with their hosts and first history steps (accredited) in one statement:
     * an import's chunk, without Hibernate's per-entity work (the rows are not managed afterwards).
     */
    public void insertAll(List<Platform> created) {
        if (created.isEmpty()) {
            return;
        }
        StringWriter rows = new StringWriter();
        try (JsonGenerator out = json.getFactory().createGenerator(rows)) {
            out.writeStartArray();
            for (Platform p : created) {
                p.stampCreated();
                p.indexNames();
                PlatformHistoryEntry accreditation = PlatformHistoryEntry.accreditation(p);
                accreditation.onCreate();
                out.writeStartObject();
                out.writeStringField("id", p.id.toString());
                out.writeStringField("name_zh", p.nameZh);
                out.writeStringField("name_en", p.nameEn);
                writeStrings(out, "aliases", p.aliases);
                out.writeStringField("type", p.type.name());
                out.writeStringField("level", p.level.name());
                out.writeStringField("status", p.status.name());
                out.writeStringField("region_code", p.regionCode);
                writeStrings(out, "fields", p.fields);
                out.writeStringField(
                        "accredited_on", p.accreditedOn == null ? null : p.accreditedOn.toString());
                out.writeStringField("accreditation_no", p.accreditationNo);
                out.writeFieldName("detail");
                out.writeRawValue(json.writeValueAsString(p.detail));
                out.writeStringField("search_text", p.searchText);
                out.writeNumberField("version", p.version);
                out.writeStringField("created_at", p.createdAt.toString());
                writeStrings(out, "host_ids", p.hostIds.stream().map(UUID::toString).toList());
                out.writeStringField("effective_on", accreditation.effectiveOn.toString());
                out.writeStringField("recorded_at", accreditation.recordedAt.toString());
                out.writeEndObject();
            }
            out.writeEndArray();
        } catch (IOException e) {
            throw new IllegalArgumentException("platforms cannot be written as JSON", e);
        }
        // Data-modifying CTEs: the foreign keys of hosts and history are checked at the statement's
        // end,
        // when the platforms are in.
        getEntityManager()
                .createNativeQuery(
                        """
                WITH r AS (
                    SELECT * FROM json_to_recordset(CAST(?1 AS json)) AS r(id uuid, name_zh text, name_en text,
                           aliases text[], type text, level text, status text, region_code text, fields text[],
                           accredited_on date, accreditation_no text, detail jsonb, search_text text, version bigint,
                           created_at timestamptz, host_ids uuid[], effective_on date, recorded_at timestamptz)),
                platform_rows AS (
                    INSERT INTO platform (id, name_zh, name_en, aliases, type, level, status, region_code, fields,
                                          accredited_on, accreditation_no, detail, search_text, version, created_at,
                                          updated_at)
                    SELECT id, name_zh, name_en, aliases, type, level, status, region_code, fields, accredited_on,
                           accreditation_no, detail, search_text, version, created_at, created_at FROM r),
                host_rows AS (
                    INSERT INTO platform_host (platform_id, organization_id)
                    SELECT r.id, host FROM r CROSS JOIN LATERAL unnest(r.host_ids) AS host)
                INSERT INTO platform_history (platform_id, effective_on, change, type, level, status, region_code,
                                              recorded_at)
                SELECT id, effective_on, 'ACCREDITED', type, level, status, region_code, recorded_at FROM r
                """)
                .setParameter(1, rows.toString())
                .executeUpdate();
    }

    private static void writeStrings(JsonGenerator out, String field, Collection<String> values)
            throws IOException {
        out.writeArrayFieldStart(field);
        for (String value : values) {
            out.writeString(value);
        }
        out.writeEndArray();
    }

    /**
     * One page of matching platforms in the given order, after the given keyset position ({@code
     * after} = [sort key, id] of the previous page's last item, or null for the first page).
     */
    public Uni<Slice> search(
            PlatformFilter filter, PlatformSort sort, List<String> after, int limit) {
        Sql sql = searchSql(filter, sort, after, limit);
        String text =
                "SELECT "
                        + PlatformViewQuery.COLUMNS
                        + ", CAST("
                        + sort.key
                        + " AS text) AS sort_key FROM platform p"
                        + sql.where()
                        + sql.orderBy;
        List<Object> parameters = new ArrayList<>();
        return views.page(sql.positional(text, parameters), parameters)
                .map(
                        rows ->
                                new Slice(
                                        rows.stream()
                                                .map(PlatformViewQuery.Positioned::view)
                                                .toList(),
                                        rows.stream()
                                                .map(PlatformViewQuery.Positioned::sortKey)
                                                .toList()));
    }

    /**
     * The plan PostgreSQL would use for a search, with sequential scans discouraged: on a small
     * table the planner rightly prefers them, and this shows which index serves each filter on a
     * large one.
     */
    @SuppressWarnings("unchecked")
    public String explain(PlatformFilter filter, PlatformSort sort) {
        getEntityManager()
                .createNativeQuery("SELECT set_config('enable_seqscan', 'off', true)")
                .getSingleResult();
        Sql sql = searchSql(filter, sort, null, 50);
        List<Object> lines =
                sql.bind(
                                getEntityManager()
                                        .createNativeQuery(
                                                "EXPLAIN SELECT p.* FROM platform p"
                                                        + sql.where()
                                                        + sql.orderBy))
                        .getResultList();
        return String.join("\n", lines.stream().map(String::valueOf).toList());
    }

    /** The conditions, order and limit of a search page. */
    private Sql searchSql(PlatformFilter filter, PlatformSort sort, List<String> after, int limit) {
        Sql sql = where(filter);
        String direction = sort.descending ? "DESC" : "ASC";
        if (after != null) {
            sql.and(
                    "("
                            + sort.key
                            + ", p.id) "
                            + (sort.descending ? "<" : ">")
                            + " (CAST(CAST(:afterKey AS text) AS "
                            + sort.sqlType
                            + "), CAST(CAST(:afterId AS text) AS uuid))");
            sql.params.put("afterKey", after.get(0));
            sql.params.put("afterId", after.get(1));
        }
        if (sort == PlatformSort.RELEVANCE) {
            sql.params.putIfAbsent("qText", normalised(filter.q()));
        }
        sql.orderBy =
                " ORDER BY " + sort.key + " " + direction + ", p.id " + direction + " LIMIT :limit";
        sql.params.put("limit", (long) limit);
        return sql;
    }

    public Uni<Long> count(PlatformFilter filter) {
        Sql sql = where(filter);
        List<Object> parameters = new ArrayList<>();
        return views.select(
                        sql.positional("SELECT count(*) FROM platform p" + sql.where(), parameters),
                        parameters,
                        row -> row.getLong(0))
                .map(rows -> rows.get(0));
    }

    /** Counts of matching platforms by the value of one column (type, level or region_code). */
    public Uni<Map<String, Long>> facet(PlatformFilter filter, String column) {
        Sql sql = where(filter);
        List<Object> parameters = new ArrayList<>();
        String text =
                "SELECT p."
                        + column
                        + ", count(*) FROM platform p"
                        + sql.where()
                        + " GROUP BY 1 ORDER BY 2 DESC, 1";
        return views.select(
                        sql.positional(text, parameters),
                        parameters,
                        row -> Map.entry(row.getString(0), row.getLong(1)))
                .map(
                        rows -> {
                            Map<String, Long> counts = new LinkedHashMap<>();
                            rows.forEach(row -> counts.put(row.getKey(), row.getValue()));
                            return counts;
                        });
    }

    /**
     * Counts of platforms as they stood on a date, from their history: each platform's latest entry
     * on or before {@code asOf}, grouped by the chosen columns.
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> countAsOf(
            LocalDate asOf, List<String> groupColumns, List<String> statuses, String region) {
        String groups = groupColumns.isEmpty() ? "" : String.join(", ", groupColumns) + ", ";
        String regionFilter = region == null ? "" : " AND region_code LIKE :region";
        String text =
                """
                WITH state AS (
                    SELECT DISTINCT ON (h.platform_id) h.type, h.level, h.status, h.region_code
                      FROM platform_history h
                     WHERE h.effective_on <= :asOf
                     ORDER BY h.platform_id, h.effective_on DESC, h.recorded_at DESC, h.id DESC)
                SELECT %scount(*) FROM state WHERE status IN (:statuses)%s
                """
                                .formatted(groups, regionFilter)
                        + (groupColumns.isEmpty()
                                ? ""
                                : " GROUP BY "
                                        + String.join(", ", groupColumns)
                                        + " ORDER BY "
                                        + String.join(", ", groupColumns));
        Query query =
                getEntityManager()
                        .createNativeQuery(text)
                        .setParameter("asOf", asOf)
                        .setParameter("statuses", statuses);
        if (region != null) {
            query.setParameter("region", RegionCodes.descendantPrefix(region) + "%");
        }
        return query.getResultList();
    }

    private static Sql where(PlatformFilter f) {
        Sql sql = new Sql();
        if (!f.types().isEmpty()) {
            sql.and("p.type IN (:types)")
                    .params
                    .put("types", f.types().stream().map(Enum::name).toList());
        }
        if (!f.levels().isEmpty()) {
            sql.and("p.level IN (:levels)")
                    .params
                    .put("levels", f.levels().stream().map(Enum::name).toList());
        }
        if (!f.statuses().isEmpty()) {
            sql.and("p.status IN (:statuses)")
                    .params
                    .put("statuses", f.statuses().stream().map(Enum::name).toList());
        }
        if (f.region() != null) {
            sql.and("p.region_code LIKE :region")
                    .params
                    .put("region", RegionCodes.descendantPrefix(f.region()) + "%");
        }
        if (f.field() != null) {
            sql.and("p.fields @> ARRAY[CAST(:field AS text)]")
                    .params
                    .put("field", f.field().strip());
        }
        if (f.host() != null) {
            sql.and(
                            "EXISTS (SELECT 1 FROM platform_host h WHERE h.platform_id = p.id AND h.organization_id = :host)")
                    .params
                    .put("host", f.host());
        }
        if (f.accreditedFrom() != null) {
            sql.and("p.accredited_on >= :accreditedFrom")
                    .params
                    .put("accreditedFrom", f.accreditedFrom());
        }
        if (f.accreditedTo() != null) {
            sql.and("p.accredited_on <= :accreditedTo")
                    .params
                    .put("accreditedTo", f.accreditedTo());
        }
        if (f.changedSince() != null) {
            sql.and("p.updated_at >= :changedSince").params.put("changedSince", f.changedSince());
        }
        if (f.q() != null) {
            // Substring match on all names; the trigram index serves LIKE '%…%'.
            sql.and("p.search_text LIKE :qLike ESCAPE '\\'")
                    .params
                    .put("qLike", "%" + escapeLike(normalised(f.q())) + "%");
        }
        return sql;
    }

    static String normalised(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A WHERE clause and its named parameters, built up condition by condition. */
    private static final class Sql {
        private static final Pattern NAMED = Pattern.compile(":([A-Za-z]\\w*)");
        private final List<String> conditions = new ArrayList<>();
        final Map<String, Object> params = new LinkedHashMap<>();
        String orderBy = "";

        Sql and(String condition) {
            conditions.add(condition);
            return this;
        }

        String where() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        Query bind(Query query) {
            params.forEach(query::setParameter);
            return query;
        }

        /**
         * The text with PostgreSQL's numbered parameters ($1, $2...); their values are added to
         * {@code values} in order.
         */
        String positional(String text, List<Object> values) {
            Matcher named = NAMED.matcher(text);
            StringBuilder numbered = new StringBuilder();
            while (named.find()) {
                Object value = params.get(named.group(1));
                List<String> markers = new ArrayList<>();
                for (Object one :
                        value instanceof Collection<?> many
                                ? many
                                : List.of(value)) { // IN (:types) → IN ($1, $2)
                    values.add(one);
                    markers.add("\\$" + values.size());
                }
                named.appendReplacement(numbered, String.join(", ", markers));
            }
            return named.appendTail(numbered).toString();
        }
    }
}
