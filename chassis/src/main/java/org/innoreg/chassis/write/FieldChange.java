package org.innoreg.chassis.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One field a change changed, with its value before and after, as the API shows them. */
@Schema(
        name = "FieldChange",
        description = "A field that a change changed, with its old and new value")
public record FieldChange(
        @Schema(
                        description =
                                "The field's path in the record, nested fields joined by dots",
                        example = "level")
                String field,
        @Schema(
                        description = "The value before the change; null when it had none",
                        example = "PROVINCIAL")
                JsonNode from,
        @Schema(
                        description = "The value after the change; null when it has none",
                        example = "NATIONAL")
                JsonNode to) {

    /** What every change moves: not worth reporting as a field of its own. */
    private static final Set<String> BOOKKEEPING = Set.of("version", "updatedAt");

    /**
     * The fields in which two states of a record differ: objects field by field (nested paths
     * joined by dots), anything else (values, lists) as a whole.
     */
    public static List<FieldChange> between(JsonNode before, JsonNode after) {
        List<FieldChange> changes = new ArrayList<>();
        compare("", before, after, changes);
        return changes;
    }

    private static void compare(
            String path, JsonNode before, JsonNode after, List<FieldChange> changes) {
        JsonNode from = before == null || before.isMissingNode() ? NullNode.getInstance() : before;
        JsonNode to = after == null || after.isMissingNode() ? NullNode.getInstance() : after;
        if (from.isObject() && to.isObject()) {
            List<String> names = new ArrayList<>();
            from.fieldNames().forEachRemaining(names::add);
            for (Iterator<String> it = to.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!from.has(name)) {
                    names.add(name);
                }
            }
            for (String name : names) {
                if (path.isEmpty() && BOOKKEEPING.contains(name)
                        || isLabelOfSibling(name, from, to)) {
                    continue;
                }
                compare(
                        path.isEmpty() ? name : path + "." + name,
                        from.get(name),
                        to.get(name),
                        changes);
            }
        } else if (!from.equals(to)) {
            changes.add(new FieldChange(path, from, to));
        }
    }

    /**
     * {@code levelLabel} beside {@code level}: the Chinese label follows its code (Labelled), it is
     * not a change of its own.
     */
    private static boolean isLabelOfSibling(String name, JsonNode from, JsonNode to) {
        if (!name.endsWith("Label") || name.length() == "Label".length()) {
            return false;
        }
        String code = name.substring(0, name.length() - "Label".length());
        return from.has(code) || to.has(code);
    }
}
