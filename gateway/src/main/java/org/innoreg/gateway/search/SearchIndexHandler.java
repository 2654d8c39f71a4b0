package org.innoreg.gateway.search;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.innoreg.chassis.events.EventHandler;
import org.innoreg.chassis.events.ReceivedEvent;

/**
 * Keeps the search read model current from the registry's and the pipeline's events. It reads only
 * the fields it needs (tolerant reader). An event older than what was applied for its aggregate (by
 * sequence) changes nothing; a deleted aggregate leaves the results.
 */
@ApplicationScoped
public class SearchIndexHandler implements EventHandler {

    private static final Pattern TOPICS =
            EventHandler.topics(
                    "registry.platform.v1", "registry.organization.v1", "projects.project.v1");

    private final EntityManager entityManager;

    SearchIndexHandler(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Pattern topics() {
        return TOPICS;
    }

    @Override
    public void apply(ReceivedEvent event) {
        String kind =
                switch (event.topic()) {
                    case "registry.platform.v1" -> "platform";
                    case "registry.organization.v1" -> "organization";
                    default -> "project";
                };
        JsonNode data = event.data();
        String nameZh = text(data, kind.equals("project") ? "name" : "nameZh");
        String nameEn = text(data, "nameEn");
        List<String> names = new ArrayList<>();
        names.add(nameZh);
        names.add(nameEn);
        data.path("aliases").forEach(alias -> names.add(alias.asText()));
        names.add(text(data, "investorName"));
        names.add(text(data, "uscc"));
        String searchText =
                String.join(
                        " | ",
                        names.stream()
                                .filter(n -> n != null && !n.isBlank())
                                .map(n -> n.toLowerCase(Locale.ROOT))
                                .toList());
        long sequence = event.sequence() == null ? 0 : event.sequence();
        entityManager
                .createNativeQuery(
                        """
                INSERT INTO search_entry (kind, id, name_zh, name_en, region_code, link, search_text, sequence, deleted, updated_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, now())
                ON CONFLICT (kind, id) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en,
                    region_code = EXCLUDED.region_code, link = EXCLUDED.link, search_text = EXCLUDED.search_text,
                    sequence = EXCLUDED.sequence, deleted = EXCLUDED.deleted, updated_at = now()
                WHERE search_entry.sequence < EXCLUDED.sequence
                """)
                .setParameter(1, kind)
                .setParameter(2, event.subject())
                .setParameter(3, nameZh)
                .setParameter(4, nameEn)
                .setParameter(5, text(data, "regionCode"))
                .setParameter(
                        6,
                        "/api/v1/"
                                + (kind.equals("organization") ? "organizations" : kind + "s")
                                + "/"
                                + event.subject())
                .setParameter(7, searchText)
                .setParameter(8, sequence)
                .setParameter(9, event.type().endsWith(".deleted"))
                .executeUpdate();
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
