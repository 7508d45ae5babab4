package org.vigil.notification.channel;

/** Error text for the delivery log: the innermost cause's message, without exception class names. */
final class Errors {

    private Errors() {
    }

    static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (message == null || message.isBlank()) {
            message = root.getClass().getSimpleName();
        }
        // Wrappers often repeat "some.package.SomeException: message"; keep only the message.
        message = message.replaceAll("(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error): ", "");
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}
