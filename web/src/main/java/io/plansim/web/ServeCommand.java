package io.plansim.web;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plansim serve}: the what-if page on a local web server, until interrupted (Ctrl-C). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the what-if page: pick a scenario, move drivers, see every target's probability change.")
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "P", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", paramLabel = "H", defaultValue = "127.0.0.1",
            description = "Address to bind (default: ${DEFAULT-VALUE}, this machine only). The server has no login.")
    String host;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw io.plansim.scenario.InputException.of(io.plansim.scenario.SourceLocation.commandLine(), "--port",
                    String.valueOf(port), "a port from 0 to 65535");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WebServer server = WebServer.start(host, port, Limits.defaults());
        if (!loopback(host)) {
            err.println("warning: listening on " + host + ": anyone who can reach this address can use the page; it has no login");
        }
        String shown = host.contains(":") ? "[" + host + "]" : host;
        out.println("plansim serve: http://" + shown + ":" + server.port() + "/  (Ctrl-C stops it)");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
