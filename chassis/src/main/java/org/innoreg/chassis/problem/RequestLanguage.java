package org.innoreg.chassis.problem;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import org.hibernate.validator.spi.messageinterpolation.LocaleResolver;
import org.hibernate.validator.spi.messageinterpolation.LocaleResolverContext;

/**
 * One language negotiation for everything a request is told: Bean Validation's messages use this
 * resolver (Quarkus picks up a {@link LocaleResolver} bean), the chassis's problem texts use {@link
 * Messages#negotiate} too, so a field message and its problem's title are never in two languages.
 * An answer whose body carries such texts says which language with {@code Content-Language}, and
 * {@code Vary: Accept-Language} tells caches that another caller may get it in another language.
 */
@ApplicationScoped
public class RequestLanguage implements LocaleResolver {

    @Override
    public Locale resolve(LocaleResolverContext context) {
        Locale locale = Messages.current();
        return context.getSupportedLocales().contains(locale) ? locale : context.getDefaultLocale();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::sayLanguage);
    }

    private void sayLanguage(RoutingContext context) {
        context.addHeadersEndHandler(
                ended -> {
                    Locale used = context.get(Messages.USED);
                    if (used != null) {
                        context.response().putHeader("Content-Language", used.toLanguageTag());
                        String vary = context.response().headers().get("Vary");
                        context.response()
                                .putHeader(
                                        "Vary",
                                        vary == null
                                                ? "Accept-Language"
                                                : vary + ", Accept-Language");
                    }
                });
        context.next();
    }
}
