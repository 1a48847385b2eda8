package dev.appservices.emulator;

/** {@link SharedStateContract} with two emulators on one store. */
class TwoEmulatorsShareStateTest extends SharedStateContract {

    @Override
    int emulatorCount() {
        return 2;
    }
}
