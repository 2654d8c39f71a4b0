package org.innoreg.registry.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.Problem;
import org.innoreg.registry.domain.PlatformDetail;
import org.innoreg.registry.domain.PlatformType;
import org.innoreg.registry.mapping.PlatformInput;
import org.innoreg.registry.repository.RegionRepository;

/**
 * A platform's references, checked for a write and for each row of an import: its region, hosts and
 * alliance members exist, and its detail fits its type.
 */
@ApplicationScoped
public class PlatformReferences {

    private final RegionRepository regions;
    private final OrganizationLookup organizations;

    PlatformReferences(RegionRepository regions, OrganizationLookup organizations) {
        this.regions = regions;
        this.organizations = organizations;
    }

    /** What Bean Validation cannot see: referenced records exist, the detail fits the type. */
    public List<Problem.FieldError> errors(PlatformInput input) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (input.regionCode() != null && regions.findByIdOptional(input.regionCode()).isEmpty()) {
            errors.add(
                    new Problem.FieldError(
                            "regionCode", Messages.text("region.missing", input.regionCode())));
        }
        organizations
                .missing(input.hostIds())
                .forEach(
                        id ->
                                errors.add(
                                        new Problem.FieldError(
                                                "hostIds",
                                                Messages.text("organization.missing", id))));
        PlatformDetail detail = input.detail();
        if (detail != null && input.type() != null) {
            PlatformType type = input.type();
            if (detail.hasWorkstationDetail() && type != PlatformType.ACADEMICIAN_WORKSTATION) {
                errors.add(
                        new Problem.FieldError(
                                "detail", Messages.text("platform.detail-workstation")));
            }
            if (detail.hasIncubatorDetail()
                    && type != PlatformType.TECH_BUSINESS_INCUBATOR
                    && type != PlatformType.MAKER_SPACE) {
                errors.add(
                        new Problem.FieldError(
                                "detail", Messages.text("platform.detail-incubator")));
            }
            if (detail.hasAllianceDetail()) {
                if (type != PlatformType.INNOVATION_ALLIANCE) {
                    errors.add(
                            new Problem.FieldError(
                                    "detail", Messages.text("platform.detail-alliance")));
                }
                organizations
                        .missing(detail.memberOrganizationIds())
                        .forEach(
                                id ->
                                        errors.add(
                                                new Problem.FieldError(
                                                        "detail.memberOrganizationIds",
                                                        Messages.text(
                                                                "organization.missing", id))));
            }
        }
        return errors;
    }
}
