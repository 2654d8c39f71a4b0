package org.innoreg.registry.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.Problem;
import org.innoreg.chassis.problem.ProblemException;
import org.innoreg.chassis.write.ExpectedVersion;
import org.innoreg.chassis.write.ReplaceableAggregate;
import org.innoreg.chassis.write.WritePipeline;
import org.innoreg.registry.domain.CertificationKind;
import org.innoreg.registry.domain.Organization;
import org.innoreg.registry.domain.OrganizationKind;
import org.innoreg.registry.mapping.CertificationInput;
import org.innoreg.registry.mapping.OrganizationInput;
import org.innoreg.registry.mapping.OrganizationMapper;
import org.innoreg.registry.mapping.OrganizationMatch;
import org.innoreg.registry.publishing.OrganizationEvents;
import org.innoreg.registry.repository.OrganizationRepository;
import org.innoreg.registry.repository.OrganizationRepository.Candidate;
import org.innoreg.registry.repository.RegionRepository;

@ApplicationScoped
public class OrganizationService extends ReplaceableAggregate<Organization, OrganizationInput> {

    /** A match this good, this far ahead of the next, is the one meant. */
    static final double CONFIDENT_SCORE = 0.8;

    static final double CONFIDENT_MARGIN = 0.15;

    private final OrganizationRepository organizations;
    private final RegionRepository regions;
    private final OrganizationEvents events;
    private final WritePipeline writes;

    OrganizationService(
            OrganizationRepository organizations,
            RegionRepository regions,
            OrganizationEvents events,
            WritePipeline writes) {
        this.organizations = organizations;
        this.regions = regions;
        this.events = events;
        this.writes = writes;
    }

    @Override
    public Organization get(UUID id) {
        return organizations
                .findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("organization", id));
    }

    public List<Organization> list(
            String q,
            OrganizationKind kind,
            String region,
            CertificationKind certification,
            LocalDate validOn,
            java.time.OffsetDateTime changedSince,
            String afterName,
            UUID afterId,
            int limit) {
        return organizations.list(
                q, kind, region, certification, validOn, changedSince, afterName, afterId, limit);
    }

    @Transactional
    public Organization create(OrganizationInput input) {
        return writes.create(
                events,
                newOrganization(input),
                organization -> {
                    if (organizations.findByUscc(organization.uscc).isPresent()) {
                        throw ProblemException.conflict(
                                "duplicate",
                                Messages.text("organization.uscc-exists", organization.uscc));
                    }
                    checkReferences(input);
                });
    }

    /**
     * Bulk path (an import's new rows, already validated, checked and known not to exist): the
     * organisations and their events go to the database in batches, not row by row.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void createAll(List<OrganizationInput> inputs) {
        writes.createAll(
                events,
                inputs.stream().map(OrganizationService::newOrganization).toList(),
                created -> created.forEach(organizations::persist));
    }

    private static Organization newOrganization(OrganizationInput input) {
        Organization organization = new Organization();
        organization.id = UUID.randomUUID();
        OrganizationMapper.apply(input, organization);
        return organization;
    }

    @Override
    protected boolean replace(
            Organization organization, ExpectedVersion expected, OrganizationInput input) {
        return writes.update(
                events,
                organization,
                expected,
                o -> {
                    organizations
                            .findByUscc(input.uscc())
                            .filter(other -> !other.id.equals(o.id))
                            .ifPresent(
                                    other -> {
                                        throw ProblemException.conflict(
                                                "duplicate",
                                                Messages.text(
                                                        "organization.uscc-taken",
                                                        input.uscc(),
                                                        other.id));
                                    });
                    checkReferences(input);
                    OrganizationMapper.apply(input, o);
                });
    }

    @Transactional
    public void delete(UUID id, ExpectedVersion expected) {
        Organization organization = get(id);
        writes.delete(
                events,
                organization,
                expected,
                o -> {
                    if (organizations.hostsPlatforms(o.id)) {
                        throw ProblemException.conflict(
                                "in-use", Messages.text("organization.in-use", o.id));
                    }
                });
    }

    /**
     * Ranked candidates for a free-text name; at most one is confident, and only when it clearly
     * is.
     */
    @Transactional
    public List<OrganizationMatch> match(String name, int limit) {
        List<Candidate> candidates = organizations.candidates(name, limit);
        if (candidates.isEmpty()) {
            return List.of();
        }
        Map<UUID, Organization> byId =
                organizations
                        .list("id in ?1", candidates.stream().map(Candidate::id).toList())
                        .stream()
                        .collect(Collectors.toMap(o -> o.id, Function.identity()));
        List<OrganizationMatch> matches = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            double next = i + 1 < candidates.size() ? candidates.get(i + 1).score() : 0;
            boolean confident =
                    i == 0
                            && candidate.score() >= CONFIDENT_SCORE
                            && candidate.score() - next >= CONFIDENT_MARGIN;
            matches.add(
                    new OrganizationMatch(
                            OrganizationMapper.toView(byId.get(candidate.id())),
                            Math.round(candidate.score() * 1000) / 1000.0,
                            confident));
        }
        return matches;
    }

    /** What Bean Validation cannot see: the region exists, certificates end after they start. */
    public List<Problem.FieldError> referenceErrors(OrganizationInput input) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (input.regionCode() != null && regions.findByIdOptional(input.regionCode()).isEmpty()) {
            errors.add(
                    new Problem.FieldError(
                            "regionCode", Messages.text("region.missing", input.regionCode())));
        }
        List<CertificationInput> certifications =
                input.certifications() == null ? List.of() : input.certifications();
        for (int i = 0; i < certifications.size(); i++) {
            CertificationInput c = certifications.get(i);
            if (c.validTo() != null
                    && c.validFrom() != null
                    && c.validTo().isBefore(c.validFrom())) {
                errors.add(
                        new Problem.FieldError(
                                "certifications[" + i + "].validTo",
                                Messages.text("organization.valid-to-before-from")));
            }
            if (c.validTo() == null && c.kind() != null && c.kind().standardValidity().isEmpty()) {
                errors.add(
                        new Problem.FieldError(
                                "certifications[" + i + "].validTo",
                                Messages.text("organization.valid-to-required", c.kind())));
            }
        }
        return errors;
    }

    private void checkReferences(OrganizationInput input) {
        List<Problem.FieldError> errors = referenceErrors(input);
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(errors);
        }
    }
}
