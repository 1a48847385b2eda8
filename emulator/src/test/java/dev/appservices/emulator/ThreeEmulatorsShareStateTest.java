package dev.appservices.emulator;

/** {@link SharedStateContract} with three emulators on one store. */
class ThreeEmulatorsShareStateTest extends SharedStateContract {

    @Override
    int emulatorCount() {
        return 3;
    }
}
