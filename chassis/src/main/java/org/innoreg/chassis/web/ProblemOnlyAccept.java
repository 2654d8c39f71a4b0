package org.innoreg.chassis.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import org.innoreg.chassis.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * {@code Accept: application/problem+json} alone is what a client generated from the OpenAPI
 * document sends for an operation whose success has no body (a DELETE answering 204): it lists the
 * media types of all the operation's answers, and only the problems have one. Such a request is
 * acceptable, since the answer is either empty or a problem, but the operation produces JSON and
 * would be refused with 406. Before matching, JSON is added to that Accept; any other Accept is
 * left as it is.
 */
public class ProblemOnlyAccept {

    @ServerRequestFilter(preMatching = true)
    public void acceptJsonToo(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept != null
                && !accept.isBlank()
                && Arrays.stream(accept.split(","))
                        .map(range -> range.split(";", 2)[0].strip())
                        .allMatch(Problem.MEDIA_TYPE::equalsIgnoreCase)) {
            request.getHeaders()
                    .putSingle(HttpHeaders.ACCEPT, accept + ", " + MediaType.APPLICATION_JSON);
        }
    }
}
