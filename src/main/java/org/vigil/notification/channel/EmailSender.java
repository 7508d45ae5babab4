package org.vigil.notification.channel;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.vigil.notification.NotificationConfig;

/** Sends a notice as one multipart email (plain text and HTML) to all of a subscription's addresses. */
@ApplicationScoped
public class EmailSender {

    private final Mailer mailer;
    private final Template text;
    private final Template html;
    private final NotificationConfig config;

    public EmailSender(Mailer mailer, @Location("notification/email.txt") Template text,
            @Location("notification/email.html") Template html, NotificationConfig config) {
        this.mailer = mailer;
        this.text = text;
        this.html = html;
        this.config = config;
    }

    /** One attempt; an SMTP failure of any kind is retried (the server may be down or greylisting). */
    public SendResult send(Notice notice, List<String> to) {
        Mail mail = Mail.withText(to.get(0), notice.subject(), text.data("notice", notice).render())
                .setHtml(html.data("notice", notice).render())
                .setFrom(config.mailFrom())
                // The same id on every attempt lets a mail archive spot a resend after a crash.
                .addHeader("X-Vigil-Delivery-Id", notice.deliveryId().toString())
                // Mail clients offer "unsubscribe" from this: it opens the subscription in the console.
                .addHeader("List-Unsubscribe", "<" + notice.subscriptionLink() + ">");
        mail.setTo(List.copyOf(to));
        try {
            mailer.send(mail);
            return SendResult.delivered(null);
        } catch (RuntimeException e) {
            return SendResult.retry(null, "SMTP: " + Errors.describe(e), null);
        }
    }
}
