package org.innoreg.registry.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.innoreg.chassis.problem.Problem;
import org.innoreg.chassis.problem.ProblemException;
import org.innoreg.chassis.security.Caller;
import org.innoreg.chassis.web.Preconditions;
import org.innoreg.registry.domain.CertificationKind;
import org.innoreg.registry.domain.Organization;
import org.innoreg.registry.domain.OrganizationKind;
import org.innoreg.registry.events.OrganizationEvents;
import org.innoreg.registry.mapping.CertificationInput;
import org.innoreg.registry.mapping.OrganizationInput;
import org.innoreg.registry.mapping.OrganizationMapper;
import org.innoreg.registry.mapping.OrganizationMatch;
import org.innoreg.registry.repository.OrganizationRepository;
import org.innoreg.registry.repository.OrganizationRepository.Candidate;
import org.innoreg.registry.repository.RegionRepository;

@ApplicationScoped
public class OrganizationService {

    /** A match this good, this far ahead of the next, is the one meant. */
    static final double CONFIDENT_SCORE = 0.8;
    static final double CONFIDENT_MARGIN = 0.15;

    private final OrganizationRepository organizations;
    private final RegionRepository regions;
    private final OrganizationEvents events;
    private final Caller caller;

    OrganizationService(OrganizationRepository organizations, RegionRepository regions, OrganizationEvents events,
            Caller caller) {
        this.organizations = organizations;
        this.regions = regions;
        this.events = events;
        this.caller = caller;
    }

    public Organization get(UUID id) {
        return organizations.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("organization", id));
    }

    public List<Organization> list(String q, OrganizationKind kind, String region, CertificationKind certification,
            LocalDate validOn, String afterName, UUID afterId, int limit) {
        return organizations.list(q, kind, region, certification, validOn, afterName, afterId, limit);
    }

    @Transactional
    public Organization create(OrganizationInput input) {
        caller.checkRegion(input.regionCode());
        if (organizations.findByUscc(input.uscc()).isPresent()) {
            throw ProblemException.conflict("duplicate", "an organisation with USCC " + input.uscc() + " already exists");
        }
        checkReferences(input);
        Organization organization = newOrganization(input);
        events.created(organization);
        return organization;
    }

    /**
     * Bulk path (an import's new rows, already validated, checked and known not to exist): the
     * organisations and their events go to the database in batches, not row by row.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void createAll(List<OrganizationInput> inputs) {
        List<Organization> created = new ArrayList<>(inputs.size());
        for (OrganizationInput input : inputs) {
            caller.checkRegion(input.regionCode());
            created.add(newOrganization(input));
        }
        events.createdAll(created);
    }

    private Organization newOrganization(OrganizationInput input) {
        Organization organization = new Organization();
        organization.id = UUID.randomUUID();
        OrganizationMapper.apply(input, organization);
        organizations.persist(organization);
        return organization;
    }

    @Transactional
    public Organization update(UUID id, String ifMatch, OrganizationInput input) {
        Organization organization = get(id);
        Preconditions.checkIfMatch(ifMatch, organization.version);
        return replace(organization, input);
    }

    /**
     * Bulk path: replaces an existing organisation with an import's row (the file is authoritative, so no
     * If-Match; an organisation is known by its USCC).
     *
     * @return whether that changed it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean replaceFromImport(Organization organization, OrganizationInput input) {
        long version = organization.version;
        return replace(organization, input).version != version;
    }

    private Organization replace(Organization organization, OrganizationInput input) {
        caller.checkRegion(organization.regionCode);
        caller.checkRegion(input.regionCode()); // moving it out of the caller's regions is a change there too
        organizations.findByUscc(input.uscc()).filter(other -> !other.id.equals(organization.id)).ifPresent(other -> {
            throw ProblemException.conflict("duplicate", "USCC " + input.uscc() + " belongs to organisation " + other.id);
        });
        checkReferences(input);
        long before = organization.version;
        OrganizationMapper.apply(input, organization);
        organizations.flush();
        if (organization.version != before) { // an identical PUT changes nothing and emits nothing
            events.updated(organization);
        }
        return organization;
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        Organization organization = get(id);
        caller.checkRegion(organization.regionCode);
        Preconditions.checkIfMatch(ifMatch, organization.version);
        if (organizations.hostsPlatforms(id)) {
            throw ProblemException.conflict("in-use", "organisation " + id + " hosts platforms: change their hosts first");
        }
        events.deleted(organization);
        organizations.delete(organization);
    }

    /** Ranked candidates for a free-text name; at most one is confident, and only when it clearly is. */
    @Transactional
    public List<OrganizationMatch> match(String name, int limit) {
        List<Candidate> candidates = organizations.candidates(name, limit);
        if (candidates.isEmpty()) {
            return List.of();
        }
        Map<UUID, Organization> byId = organizations.list("id in ?1", candidates.stream().map(Candidate::id).toList())
                .stream().collect(Collectors.toMap(o -> o.id, Function.identity()));
        List<OrganizationMatch> matches = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            double next = i + 1 < candidates.size() ? candidates.get(i + 1).score() : 0;
            boolean confident = i == 0 && candidate.score() >= CONFIDENT_SCORE && candidate.score() - next >= CONFIDENT_MARGIN;
            matches.add(new OrganizationMatch(OrganizationMapper.toView(byId.get(candidate.id())),
                    Math.round(candidate.score() * 1000) / 1000.0, confident));
        }
        return matches;
    }

    /** What Bean Validation cannot see: the region exists, certificates end after they start. */
    public List<Problem.FieldError> referenceErrors(OrganizationInput input) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (input.regionCode() != null && regions.findByIdOptional(input.regionCode()).isEmpty()) {
            errors.add(new Problem.FieldError("regionCode", "region " + input.regionCode() + " does not exist"));
        }
        List<CertificationInput> certifications = input.certifications() == null ? List.of() : input.certifications();
        for (int i = 0; i < certifications.size(); i++) {
            CertificationInput c = certifications.get(i);
            if (c.validTo() != null && c.validFrom() != null && c.validTo().isBefore(c.validFrom())) {
                errors.add(new Problem.FieldError("certifications[" + i + "].validTo", "must not be before validFrom"));
            }
            if (c.validTo() == null && c.kind() != null && c.kind().standardValidity().isEmpty()) {
                errors.add(new Problem.FieldError("certifications[" + i + "].validTo",
                        "required: a " + c.kind() + " certification has no standard validity"));
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
