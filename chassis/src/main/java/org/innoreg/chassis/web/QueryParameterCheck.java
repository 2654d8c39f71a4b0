package org.innoreg.chassis.web;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.ProblemException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The query parameters of a request are the operation's, each once. One the operation does not
 * declare is a 400 problem naming it and the ones it takes: a misspelt filter ({@code
 * ?changedsince=}, {@code ?regoin=}) would otherwise be ignored silently and answer more than the
 * caller asked for. One given twice that takes a single value ({@code
 * ?region=430700&region=430400}) is a 400 as well: JAX-RS would take the first and drop the second
 * without a word.
 */
public class QueryParameterCheck {

    /** Per resource method: its query parameters, each with whether it takes several values. */
    private final Map<Method, Map<String, Boolean>> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseUnknownOrRepeated(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Map<String, Boolean> known =
                declared.computeIfAbsent(method, QueryParameterCheck::queryParameters);
        for (Map.Entry<String, List<String>> given :
                request.getUriInfo().getQueryParameters().entrySet()) {
            String name = given.getKey();
            Boolean several = known.get(name);
            if (several == null) {
                throw ProblemException.invalid(
                        name,
                        known.isEmpty()
                                ? Messages.text("field.no-query-parameters")
                                : Messages.text(
                                        "field.unknown-query-parameter",
                                        String.join(", ", known.keySet())));
            }
            if (!several && given.getValue().size() > 1) {
                throw ProblemException.invalid(name, Messages.text("field.query-parameter-once"));
            }
        }
    }

    private static Map<String, Boolean> queryParameters(Method method) {
        Map<String, Boolean> names = new TreeMap<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                names.put(query.value(), takesSeveral(parameter.getType()));
            }
            // the parameters every import or export takes (ExportFile, ImportFile)
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Field field : parameter.getType().getDeclaredFields()) {
                    QueryParam inBean = field.getAnnotation(QueryParam.class);
                    if (inBean != null) {
                        names.put(inBean.value(), takesSeveral(field.getType()));
                    }
                }
            }
        }
        return names;
    }

    private static boolean takesSeveral(Class<?> type) {
        return type.isArray() || Collection.class.isAssignableFrom(type);
    }
}
