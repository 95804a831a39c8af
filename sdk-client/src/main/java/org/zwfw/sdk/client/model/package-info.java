/**
 * The typed models of the service-network API: one record per object of
 * spec/openapi/zwfw-api.yaml that an operation or webhook in use sends or answers, named in the
 * document's snake_case by Jackson annotations. Read and write them with
 * {@link org.zwfw.sdk.client.model.ModelJson#newMapper()}.
 *
 * <ul>
 *   <li><b>Required members</b> are checked when a record is built or read: a missing one is an
 *       error naming it ({@code missing required member 'case_id'}, or Jackson's
 *       {@code Missing required creator property 'case_id'}).
 *   <li><b>Unknown members of answers and webhook events are ignored</b>
 *       ({@code @JsonIgnoreProperties(ignoreUnknown = true)}): the platform may add members to what
 *       it sends without a new API version, and a client must keep working when it does. Request
 *       records do not ignore them: their schemas allow no other member and the platform refuses
 *       one, so reading a request with an unknown member fails as early.
 *   <li><b>Closed sets</b> are enums; {@link org.zwfw.sdk.client.model.CaseStatus} reads a state
 *       added later as {@code UNKNOWN}, and {@link org.zwfw.sdk.client.model.ProblemCode} keeps a
 *       code it does not know.
 *   <li><b>Personal data</b> (names, ID numbers, phones, addresses, account numbers, pairwise
 *       references) is masked by every {@code toString()} with sdk-core's masking; tokens and
 *       credentials are not shown at all.
 * </ul>
 *
 * <p>The models cannot drift from the document: the tests of this module read every example of
 * the document into its record, write it back, validate it against its schema, and compare every
 * record component with its schema's properties.
 */
package org.zwfw.sdk.client.model;
