package org.innoreg.chassis.bulk;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How an imported row names a record that is unique by name within its region (platforms,
 * projects).
 */
public record RegionalName(String regionCode, String name) {

    public static RegionalName of(String regionCode, String name) {
        return new RegionalName(regionCode, name.strip());
    }

    public static List<String> regionCodes(Collection<RegionalName> keys) {
        return keys.stream().map(RegionalName::regionCode).distinct().toList();
    }

    public static List<String> names(Collection<RegionalName> keys) {
        return keys.stream().map(RegionalName::name).distinct().toList();
    }

    /**
     * The records among {@code candidates} (found by region in the keys' regions and name among
     * their names: a superset) that one of the keys names, by key.
     */
    public static <E> Map<RegionalName, E> matching(
            Collection<RegionalName> keys, List<E> candidates, Function<E, RegionalName> keyOf) {
        var wanted = Set.copyOf(keys);
        return candidates.stream()
                .filter(e -> wanted.contains(keyOf.apply(e)))
                .collect(Collectors.toMap(keyOf, Function.identity()));
    }
}
