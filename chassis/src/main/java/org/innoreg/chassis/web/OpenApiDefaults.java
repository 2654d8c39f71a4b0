package org.innoreg.chassis.web;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.innoreg.chassis.problem.Problem;

/**
 * What every service's OpenAPI document states the same way: the operations' security, said
 * explicitly. Reads are public and need no credentials; until writes require a bearer token, none does.
 */
public class OpenApiDefaults implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getSecurity() == null || openAPI.getSecurity().isEmpty()) {
            openAPI.addSecurityRequirement(OASFactory.createSecurityRequirement()); // {}: anonymous access
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        // The 401 and 403 the security extension adds to protected operations are RFC 9457 problems here.
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
                return;
            }
            operation.getResponses().getAPIResponses().forEach((status, response) -> {
                String detail = switch (status) {
                    case "401" -> "No bearer token, or one that is malformed, expired, badly signed or for another issuer or "
                            + "audience (the problem's type says which)";
                    case "403" -> "The token's roles do not allow this, or the record is outside the token's regions";
                    default -> null;
                };
                if (detail != null && response.getContent() == null) {
                    response.setDescription(detail);
                    response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                            OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
                }
            });
        }));
    }
}
