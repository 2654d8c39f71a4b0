/**
 * The HTTP face of the project pipeline, one class per sub-resource, all under {@code
 * /api/v1/projects} with the one "Projects" tag.
 *
 * <p>SmallRye lists the page schemas ({@code ReviewPage}, {@code ProjectPage}, …) in the OpenAPI
 * document in the order it meets them, resource classes by name: the classes are named so that the
 * document stayed byte for byte what it was before the split (issue 20). A renamed or new class may
 * reorder those schemas; the document means the same, but generated clients and the published
 * document then differ in order.
 */
package org.innoreg.projects.resource;
