package org.diva.upnp.device;

import java.net.NetworkInterface;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.diva.upnp.network.InterfaceDatagramIO;
import org.diva.upnp.network.InterfaceMulticastReceiver;
import org.diva.upnp.network.SelectedNetwork;
import org.diva.upnp.network.SsdpSockets;
import org.diva.upnp.transport.HttpLimits;
import org.diva.upnp.transport.JettyStreamClient;
import org.diva.upnp.transport.UpnpHttpHandler;
import org.diva.upnp.xml.SafeDeviceDescriptorBinder;
import org.diva.upnp.xml.SafeGenaEventProcessor;
import org.diva.upnp.xml.SafeServiceDescriptorBinder;
import org.diva.upnp.xml.SafeSoapActionProcessor;
import org.jupnp.UpnpServiceConfiguration;
import org.jupnp.binding.xml.DeviceDescriptorBinder;
import org.jupnp.binding.xml.ServiceDescriptorBinder;
import org.jupnp.model.Namespace;
import org.jupnp.model.message.UpnpHeaders;
import org.jupnp.model.meta.RemoteDeviceIdentity;
import org.jupnp.model.meta.RemoteService;
import org.jupnp.model.types.ServiceType;
import org.jupnp.transport.impl.DatagramProcessorImpl;
import org.jupnp.transport.spi.DatagramIO;
import org.jupnp.transport.spi.DatagramProcessor;
import org.jupnp.transport.spi.GENAEventProcessor;
import org.jupnp.transport.spi.MulticastReceiver;
import org.jupnp.transport.spi.NetworkAddressFactory;
import org.jupnp.transport.spi.SOAPActionProcessor;
import org.jupnp.transport.spi.StreamClient;
import org.jupnp.transport.spi.StreamServer;

/**
 * jUPnP set up DiVA's way: HTTP through the shared Jetty server ({@link UpnpHttpHandler}) and Jetty's client, SSDP
 * only on the chosen interfaces, XML parsers that refuse DTDs, and a bounded pool per kind of work. Nothing here
 * reads system properties or discovers transports through service loaders, unlike jUPnP's default configuration.
 */
public final class DivaUpnpConfiguration implements UpnpServiceConfiguration {
    /**
     * @param aliveInterval         how often the device re-announces itself; zero leaves it to jUPnP (half the
     *                              max-age)
     * @param httpThreads           concurrent UPnP HTTP requests
     * @param discoverRemoteDevices false for a device that is no control point: it then never fetches other
     *                              devices' descriptions
     * @param remoteServiceTypes    when discovering, the only services whose descriptions are fetched (a device
     *                              offering none of them is kept without services); empty fetches every one
     */
    public record Options(HttpLimits limits, Duration aliveInterval, int httpThreads,
                          boolean discoverRemoteDevices, List<ServiceType> remoteServiceTypes) {
        public Options {
            Objects.requireNonNull(limits, "limits");
            remoteServiceTypes = List.copyOf(remoteServiceTypes);
            if (aliveInterval.isNegative()) {
                throw new IllegalArgumentException("negative alive interval " + aliveInterval);
            }
            if (httpThreads < 1) {
                throw new IllegalArgumentException("need at least one HTTP thread, not " + httpThreads);
            }
        }

        /** Discovering every service of every device, or none. */
        public Options(HttpLimits limits, Duration aliveInterval, int httpThreads, boolean discoverRemoteDevices) {
            this(limits, aliveInterval, httpThreads, discoverRemoteDevices, List.of());
        }
    }

    private final UpnpHttpHandler http;
    private final List<NetworkInterface> interfaces;
    private final Options options;
    private final UpnpExecutors executors;
    private final SsdpSockets ssdp = SsdpSockets.defaults();
    private final DatagramProcessor datagramProcessor = new DatagramProcessorImpl();
    private final SOAPActionProcessor soapActionProcessor = new SafeSoapActionProcessor();
    private final GENAEventProcessor genaEventProcessor = new SafeGenaEventProcessor();
    private final DeviceDescriptorBinder deviceDescriptorBinder = new SafeDeviceDescriptorBinder();
    private final ServiceDescriptorBinder serviceDescriptorBinder = new SafeServiceDescriptorBinder();
    private final Namespace namespace;

    public DivaUpnpConfiguration(UpnpHttpHandler http, List<NetworkInterface> interfaces, Options options) {
        this.http = Objects.requireNonNull(http, "http");
        this.interfaces = List.copyOf(interfaces);
        this.options = Objects.requireNonNull(options, "options");
        // jUPnP runs a receive loop per interface (multicast) and per IPv4 address (unicast), and a stream server
        // "run" per address that returns at once.
        long addresses = interfaces.stream().flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof java.net.Inet4Address).count();
        this.executors = new UpnpExecutors(options.httpThreads(), (int) (interfaces.size() + 2 * addresses));
        this.namespace = new Namespace(http.basePath());
    }

    /** The timer for DiVA's own UPnP chores (event pacing); stopped with the rest. */
    public ScheduledExecutorService scheduler() {
        return executors.events();
    }

    @Override
    public NetworkAddressFactory createNetworkAddressFactory() {
        return new SelectedNetwork(interfaces, http::port);
    }

    @Override
    public DatagramProcessor getDatagramProcessor() {
        return datagramProcessor;
    }

    @Override
    public SOAPActionProcessor getSoapActionProcessor() {
        return soapActionProcessor;
    }

    @Override
    public GENAEventProcessor getGenaEventProcessor() {
        return genaEventProcessor;
    }

    @Override
    public StreamClient<?> createStreamClient() {
        return new JettyStreamClient(options.limits(), Math.max(4, options.httpThreads() / 2));
    }

    @Override
    public MulticastReceiver<?> createMulticastReceiver(NetworkAddressFactory networkAddressFactory) {
        return new InterfaceMulticastReceiver(ssdp);
    }

    @Override
    public DatagramIO<?> createDatagramIO(NetworkAddressFactory networkAddressFactory) {
        return new InterfaceDatagramIO(ssdp);
    }

    @Override
    public StreamServer<?> createStreamServer(NetworkAddressFactory networkAddressFactory) {
        return http.newStreamServer();
    }

    @Override
    public Executor getMulticastReceiverExecutor() {
        return executors.receivers();
    }

    @Override
    public Executor getDatagramIOExecutor() {
        return executors.receivers();
    }

    @Override
    public ExecutorService getStreamServerExecutorService() {
        return executors.receivers();
    }

    @Override
    public DeviceDescriptorBinder getDeviceDescriptorBinderUDA10() {
        return deviceDescriptorBinder;
    }

    @Override
    public ServiceDescriptorBinder getServiceDescriptorBinderUDA10() {
        return serviceDescriptorBinder;
    }

    /** null turns remote discovery off; empty means every service type. */
    @Override
    public ServiceType[] getExclusiveServiceTypes() {
        return options.discoverRemoteDevices() ? options.remoteServiceTypes().toArray(ServiceType[]::new) : null;
    }

    @Override
    public int getRegistryMaintenanceIntervalMillis() {
        return 1000;
    }

    @Override
    public int getAliveIntervalMillis() {
        return (int) Math.min(Integer.MAX_VALUE, options.aliveInterval().toMillis());
    }

    @Override
    public boolean isReceivedSubscriptionTimeoutIgnored() {
        return false;
    }

    @Override
    public Integer getRemoteDeviceMaxAgeSeconds() {
        return null;
    }

    @Override
    public UpnpHeaders getDescriptorRetrievalHeaders(RemoteDeviceIdentity identity) {
        return null;
    }

    @Override
    public UpnpHeaders getEventSubscriptionHeaders(RemoteService service) {
        return null;
    }

    @Override
    public Executor getAsyncProtocolExecutor() {
        return executors.async();
    }

    @Override
    public ExecutorService getSyncProtocolExecutorService() {
        return executors.sync();
    }

    @Override
    public Namespace getNamespace() {
        return namespace;
    }

    @Override
    public Executor getRegistryMaintainerExecutor() {
        return executors.registry();
    }

    @Override
    public Executor getRegistryListenerExecutor() {
        return executors.async();
    }

    @Override
    public Executor getRemoteListenerExecutor() {
        return executors.async();
    }

    /** Called by jUPnP during its shutdown, before it closes the sockets; {@link #awaitTermination} follows. */
    @Override
    public void shutdown() {
        executors.shutdownNow();
    }

    /** After jUPnP has shut down: waits for every thread to end, false if one did not in time. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return executors.awaitTermination(timeout);
    }
}
