package org.innoreg.chassis.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.ProblemException;

/**
 * An opaque keyset-pagination cursor: the sort values of the last item of a page, which the next
 * page starts after. Clients pass it back unchanged; it is base64url so it survives a query string.
 */
public final class Cursor {

    private static final char SEPARATOR = '\u001f';

    private Cursor() {}

    public static String encode(List<String> values) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        String.join(String.valueOf(SEPARATOR), values)
                                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws ProblemException 400 naming {@code cursor} if the value was not made by {@link
     *     #encode}
     */
    public static List<String> decode(String cursor, int expectedValues) {
        try {
            String decoded =
                    new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> values = List.of(decoded.split(String.valueOf(SEPARATOR), -1));
            if (values.size() != expectedValues) {
                throw new IllegalArgumentException();
            }
            return values;
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", Messages.text("field.cursor"));
        }
    }
}
