package org.innoreg.chassis.problem;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts of every problem (titles, details, field messages), by stable key, in English and
 * Simplified Chinese. A text is looked up in the service's own bundle ({@code
 * innoreg-messages[_zh_CN].properties} at its classpath root) and then in the chassis's ({@code
 * org/innoreg/chassis/problem/messages}). The language is the request's {@code Accept-Language},
 * negotiated once here for problems and Bean Validation alike ({@link RequestLanguage}); outside a
 * request (consumers, startup) it is English. {@code {0}}, {@code {1}}… are replaced by the
 * arguments as given (no number formatting: ids and line numbers stay as they are).
 */
public final class Messages {

    public static final Locale ENGLISH = Locale.ENGLISH;

    /** Simplified Chinese as used on the mainland: what {@code zh} and {@code zh-CN} get. */
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    static final List<Locale> SUPPORTED = List.of(ENGLISH, CHINESE);

    static final String SERVICE_BUNDLE = "innoreg-messages";
    static final String CHASSIS_BUNDLE = "org.innoreg.chassis.problem.messages";

    /**
     * Where the routing context records the language a request's texts were given in (for
     * Content-Language).
     */
    static final String USED = "innoreg.language";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)\\}");

    /**
     * Only the named bundle: never a fallback to the JVM's default locale's (a zh_CN machine
     * answering English callers in Chinese).
     */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {}

    /**
     * The language to answer an {@code Accept-Language} header in (RFC 4647 filtering with
     * q-values: {@code zh}, {@code zh-CN}, {@code zh-Hans-CN;q=0.8} give Chinese unless English
     * weighs more; none, {@code *} or anything else gives English).
     */
    public static Locale negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ENGLISH;
        }
        try {
            List<Locale.LanguageRange> ranges = new ArrayList<>();
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                // zh-Hans and zh-Hans-CN are Simplified Chinese too; Locale.filter matches zh-CN
                // only from zh and zh-CN.
                String tag =
                        range.getRange().replace("zh-hans-cn", "zh-cn").replace("zh-hans", "zh-cn");
                ranges.add(new Locale.LanguageRange(tag, range.getWeight()));
            }
            List<Locale> matches = Locale.filter(ranges, SUPPORTED);
            return matches.isEmpty() ? ENGLISH : matches.get(0);
        } catch (IllegalArgumentException e) {
            return ENGLISH; // a malformed header is no reason to refuse the request
        }
    }

    /** The language of the current request (English outside one). */
    public static Locale current() {
        RoutingContext request = currentRequest();
        return request == null
                ? ENGLISH
                : negotiate(request.request().getHeader("Accept-Language"));
    }

    /** The text for {@code key} in the current request's language. */
    public static String text(String key, Object... args) {
        RoutingContext request = currentRequest();
        Locale locale =
                request == null
                        ? ENGLISH
                        : negotiate(request.request().getHeader("Accept-Language"));
        if (request != null) {
            request.put(USED, locale);
        }
        return text(locale, key, args);
    }

    /**
     * The text for {@code key} in {@code locale}; the key itself when no bundle has it
     * (MessageBundlesTest fails then).
     */
    public static String text(Locale locale, String key, Object... args) {
        String pattern = lookup(locale, key);
        if (pattern == null) {
            pattern = key;
        }
        // one pass over the pattern: an argument's own text ("{1}" in a rejected value) is never
        // filled in again
        Matcher placeholder = PLACEHOLDER.matcher(pattern);
        StringBuilder text = new StringBuilder();
        while (placeholder.find()) {
            int index = Integer.parseInt(placeholder.group(1));
            String value = index < args.length ? String.valueOf(args[index]) : placeholder.group();
            placeholder.appendReplacement(text, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(text);
        return text.toString();
    }

    /**
     * Whether a bundle has {@code key} (for texts chosen at run time, such as a status's title).
     */
    public static boolean has(String key) {
        return lookup(ENGLISH, key) != null;
    }

    /** Every key of the bundles visible here in {@code locale} (for the bundle test). */
    public static Set<String> keys(Locale locale) {
        Set<String> keys = new TreeSet<>();
        for (String name : List.of(SERVICE_BUNDLE, CHASSIS_BUNDLE)) {
            ResourceBundle bundle = bundle(name, locale);
            if (bundle != null) {
                keys.addAll(Collections.list(bundle.getKeys()));
            }
        }
        return keys;
    }

    private static String lookup(Locale locale, String key) {
        for (String name : List.of(SERVICE_BUNDLE, CHASSIS_BUNDLE)) {
            ResourceBundle bundle = bundle(name, locale);
            if (bundle != null && bundle.containsKey(key)) {
                return bundle.getString(key);
            }
        }
        return null;
    }

    private static ResourceBundle bundle(String name, Locale locale) {
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            return ResourceBundle.getBundle(
                    name,
                    locale,
                    loader == null ? Messages.class.getClassLoader() : loader,
                    NO_FALLBACK);
        } catch (MissingResourceException e) {
            return null; // a module without its own bundle (the chassis's tests, a service with no
            // texts of its own)
        }
    }

    private static RoutingContext currentRequest() {
        ArcContainer container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return null;
        }
        return container.instance(CurrentVertxRequest.class).get().getCurrent();
    }
}
