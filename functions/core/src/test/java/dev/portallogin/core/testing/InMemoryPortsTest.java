package dev.portallogin.core.testing;

/** The contract suites on the in-memory ports, fresh for each test. */
class InMemoryPortsTest extends PortsContracts {

    @Override
    protected Ports ports() {
        return new Fakes().ports();
    }
}
