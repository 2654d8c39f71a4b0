package org.innoreg.chassis.labels;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The names of each enum's codes, read once per enum from every {@code innoreg-labels.properties}
 * its class loader sees: {@code PlatformLevel.NATIONAL=国家级}, {@code ProjectStage.SIGNED=已签约|签约}
 * (the label, then aliases).
 */
final class Labels {

    static final String RESOURCE = "innoreg-labels.properties";

    private static final ClassValue<Map<String, List<String>>> BY_TYPE =
            new ClassValue<>() {
                @Override
                protected Map<String, List<String>> computeValue(Class<?> type) {
                    return load(type);
                }
            };

    private Labels() {}

    /** The label and aliases of {@code constant}, empty when the file names none. */
    static List<String> of(Enum<?> constant) {
        return BY_TYPE.get(constant.getDeclaringClass()).getOrDefault(constant.name(), List.of());
    }

    /**
     * {@code PlatformLevel} for a top-level enum, {@code Target.Kind} for a nested one: the keys'
     * prefix.
     */
    static String keyOf(Class<?> type) {
        String name =
                type.getName()
                        .substring(
                                type.getPackageName().isEmpty()
                                        ? 0
                                        : type.getPackageName().length() + 1);
        return name.replace('$', '.');
    }

    private static Map<String, List<String>> load(Class<?> type) {
        String prefix = keyOf(type) + ".";
        Map<String, List<String>> names = new HashMap<>();
        ClassLoader loader =
                type.getClassLoader() == null
                        ? ClassLoader.getSystemClassLoader()
                        : type.getClassLoader();
        try {
            for (URL file : Collections.list(loader.getResources(RESOURCE))) {
                Properties properties = new Properties();
                try (InputStream in = file.openStream()) {
                    properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
                properties.forEach(
                        (key, value) -> {
                            String k = (String) key;
                            if (k.startsWith(prefix) && k.indexOf('.', prefix.length()) < 0) {
                                names.put(
                                        k.substring(prefix.length()),
                                        Arrays.stream(((String) value).split("\\|"))
                                                .map(String::strip)
                                                .filter(v -> !v.isEmpty())
                                                .toList());
                            }
                        });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return Map.copyOf(names);
    }
}
