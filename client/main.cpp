#include "app/appcontroller.h"
#include "app/settings.h"

#include <cstdio>
#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Pincart"));
    QApplication::setApplicationName(QStringLiteral("pincart"));
    QApplication::setApplicationDisplayName(QStringLiteral("Pincart"));
    QApplication::setApplicationVersion(QStringLiteral(PINCART_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("pincart"));
    // The theme's icon when the package installed one, else the copy built in.
    QApplication::setWindowIcon(
        QIcon::fromTheme(QStringLiteral("pincart"), QIcon(QStringLiteral(":/icons/pincart.svg"))));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Pincart desktop client"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption serverOption(
        QStringLiteral("server"),
        QStringLiteral(
            "Server address, e.g. http://127.0.0.1:8080 (overrides the remembered one)."),
        QStringLiteral("url"));
    const QCommandLineOption emailOption(QStringLiteral("email"),
                                         QStringLiteral("E-mail to sign in with."),
                                         QStringLiteral("address"));
    parser.addOption(serverOption);
    parser.addOption(emailOption);
    parser.process(app);

    pincart::AppController::Options options;
    if (parser.isSet(serverOption)) {
        options.serverUrl = pincart::parseServerUrl(parser.value(serverOption));
        if (!options.serverUrl) {
            std::fprintf(stderr, "pincart: --server: not an http:// or https:// address: %s\n",
                         qPrintable(parser.value(serverOption)));
            return 2;
        }
    }
    options.email = parser.value(emailOption).trimmed();

    pincart::Settings settings;
    pincart::AppController controller(&settings, options);
    QObject::connect(&controller, &pincart::AppController::quitRequested, &app,
                     &QCoreApplication::quit);
    controller.start();
    return app.exec();
}
