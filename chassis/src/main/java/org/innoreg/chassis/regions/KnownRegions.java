package org.innoreg.chassis.regions;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.Problem;
import org.innoreg.chassis.problem.ProblemException;

/**
 * A region code in a request names a region, or the request is refused with the same problem in
 * every service: {@code ?region=430799} (no such division) used to answer an empty list, which a
 * caller could not tell from a region without records. How a service knows its regions is its
 * subclass's {@link #exists}: the registry asks its own table, the other services their read model
 * of the registry's regions ({@link RegionReadModel}).
 *
 * <p>Regions are never deleted (the registry has no such operation and no such event), so a code
 * once found is remembered and a check costs no query after the first. A code not found is not
 * remembered: a region created later is accepted as soon as {@link #exists} finds it.
 */
public abstract class KnownRegions {

    private final Set<String> known = ConcurrentHashMap.newKeySet();

    /** Whether the code names a region; asked only for a code not yet remembered. Blocking. */
    protected abstract boolean exists(String code);

    /** A query filter ({@code ?region=}): 400 naming the parameter. Null (no filter) passes. */
    public void require(String parameter, String code) {
        if (!known(code)) {
            throw unknownFilter(parameter, code);
        }
    }

    /** A path segment ({@code /scorecards/{region}}): 404, no such region. */
    public void requireInPath(String code) {
        if (!known(code)) {
            throw ProblemException.notFound("region", code);
        }
    }

    /**
     * A field of a request body ({@code regionCode}): 422 naming the field, the answer the registry
     * gives for a body naming a region it does not have (a reference that does not exist).
     */
    public void requireInBody(String field, String code) {
        List<Problem.FieldError> errors = fieldErrors(field, code);
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(errors);
        }
    }

    /**
     * The error of a body field or file cell naming no region, for checks that collect every error
     * of a record before answering (empty when it names one).
     */
    public List<Problem.FieldError> fieldErrors(String field, String code) {
        return known(code)
                ? List.of()
                : List.of(new Problem.FieldError(field, Messages.text("region.missing", code)));
    }

    /** Null counts as known: the parameter or field was not given, which is not this check's. */
    private boolean known(String code) {
        if (code == null || known.contains(code)) {
            return true;
        }
        if (!exists(code)) {
            return false;
        }
        known.add(code);
        return true;
    }

    /** Whether the code was found before (for a subclass that looks codes up without blocking). */
    protected boolean remembered(String code) {
        return code == null || known.contains(code);
    }

    /** Remembers a code that a subclass found without {@link #exists}. */
    protected void remember(String code) {
        known.add(code);
    }

    /** The problem of a filter naming no region. */
    protected static ProblemException unknownFilter(String parameter, String code) {
        return ProblemException.invalid(parameter, Messages.text("region.missing", code));
    }
}
