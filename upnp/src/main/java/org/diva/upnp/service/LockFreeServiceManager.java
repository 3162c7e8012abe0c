package org.diva.upnp.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jupnp.internal.compat.java.beans.PropertyChangeEvent;
import org.jupnp.internal.compat.java.beans.PropertyChangeSupport;
import org.jupnp.model.Command;
import org.jupnp.model.ServiceManager;
import org.jupnp.model.meta.LocalService;
import org.jupnp.model.meta.StateVariable;
import org.jupnp.model.state.StateVariableAccessor;
import org.jupnp.model.state.StateVariableValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a service's actions without a lock. jUPnP's {@code DefaultServiceManager} holds one fair lock per service
 * around every action and gives up after 500 ms, so a slow Browse makes every other TV's Browse wait and then
 * fail. DiVA's services are thread-safe (the ContentDirectory contract says so), so actions run side by side.
 *
 * <p>The implementation is built by DiVA with its dependencies, not by jUPnP through reflection. Evented state
 * works as jUPnP expects: the implementation fires a property change naming the changed state variables
 * (comma-separated); this manager reads their current values and fires {@link #EVENTED_STATE_VARIABLES}, which
 * the service's GENA subscriptions listen to.
 */
@SuppressWarnings("rawtypes") // jUPnP's model hands out raw LocalService and StateVariableValue
public final class LockFreeServiceManager<T> implements ServiceManager<T> {
    private static final Logger log = LoggerFactory.getLogger(LockFreeServiceManager.class);

    private final LocalService<T> service;
    private final T implementation;
    private final PropertyChangeSupport changes;

    /**
     * Binds the implementation to the service.
     *
     * @param changes where the implementation announces changed state variables
     */
    public LockFreeServiceManager(LocalService<T> service, T implementation, PropertyChangeSupport changes) {
        this.service = Objects.requireNonNull(service, "service");
        this.implementation = Objects.requireNonNull(implementation, "implementation");
        this.changes = Objects.requireNonNull(changes, "changes");
        changes.addPropertyChangeListener(this::variablesChanged);
        service.setManager(this);
    }

    @Override
    public LocalService<T> getService() {
        return service;
    }

    @Override
    public T getImplementation() {
        return implementation;
    }

    @Override
    public void execute(Command<T> cmd) throws Exception {
        cmd.execute(this);
    }

    @Override
    public PropertyChangeSupport getPropertyChangeSupport() {
        return changes;
    }

    /** Every evented state variable's value, for a new subscriber's initial event. */
    @Override
    public Collection<StateVariableValue> getCurrentState() throws Exception {
        List<StateVariableValue> values = new ArrayList<>();
        for (StateVariable<LocalService> variable : service.getStateVariables()) {
            if (variable.getEventDetails().isSendEvents()) {
                values.add(read(variable));
            }
        }
        return values;
    }

    private void variablesChanged(PropertyChangeEvent event) {
        if (EVENTED_STATE_VARIABLES.equals(event.getPropertyName())) {
            return;
        }
        List<StateVariableValue> values = new ArrayList<>();
        try {
            for (String name : event.getPropertyName().split(",")) {
                StateVariable<LocalService> variable = service.getStateVariable(name.strip());
                if (variable != null && variable.getEventDetails().isSendEvents()) {
                    values.add(read(variable));
                }
            }
        } catch (Exception e) {
            log.warn("Cannot read {} of {} for an event", event.getPropertyName(), service.getServiceId(), e);
            return;
        }
        if (!values.isEmpty()) {
            changes.firePropertyChange(EVENTED_STATE_VARIABLES, null, values);
        }
    }

    private StateVariableValue read(StateVariable<LocalService> variable) throws Exception {
        StateVariableAccessor accessor = service.getAccessor(variable);
        if (accessor == null) {
            throw new IllegalStateException("evented state variable " + variable.getName() + " of "
                    + service.getServiceId() + " has no field or getter");
        }
        return accessor.read(variable, implementation);
    }
}
