package org.innoreg.chassis.web;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.ProblemException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A query parameter the operation does not declare is a 400 problem naming it and the ones it
 * takes: a misspelt filter ({@code ?changedsince=}, {@code ?regoin=}) would otherwise be ignored
 * silently and answer more than the caller asked for.
 */
public class UnknownQueryParameters {

    private final Map<Method, Set<String>> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseUnknown(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Set<String> known =
                declared.computeIfAbsent(method, UnknownQueryParameters::queryParameters);
        for (String name : request.getUriInfo().getQueryParameters().keySet()) {
            if (!known.contains(name)) {
                throw ProblemException.invalid(
                        name,
                        known.isEmpty()
                                ? Messages.text("field.no-query-parameters")
                                : Messages.text(
                                        "field.unknown-query-parameter", String.join(", ", known)));
            }
        }
    }

    private static Set<String> queryParameters(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                names.add(query.value());
            }
            // the parameters every import or export takes (ExportFile, ImportFile)
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Field field : parameter.getType().getDeclaredFields()) {
                    QueryParam inBean = field.getAnnotation(QueryParam.class);
                    if (inBean != null) {
                        names.add(inBean.value());
                    }
                }
            }
        }
        return names;
    }
}
