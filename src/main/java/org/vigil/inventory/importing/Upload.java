package org.vigil.inventory.importing;

/**
 * One uploaded file: its bytes, the media type it was sent as ({@code text/csv}, lowercase, no parameters), the
 * charset parameter if any, and the file name of a multipart part (null otherwise).
 */
public record Upload(byte[] bytes, String mediaType, String charset, String fileName) {
}
