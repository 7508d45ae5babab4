/**
 * Why a device is or is not affected by an advisory: {@code GET /api/v1/devices/{id}/explain?advisoryId=} weighs
 * every product leaf of the advisory against the device with the same {@link org.vigil.matching.evidence.Matcher}
 * that made the findings, and says for each whether the company agreed, what product evidence was found and what
 * the version check said. The question hospital users ask most ("why was I not alerted?"), and the matcher's
 * debugging tool.
 */
package org.vigil.matching.explain;
