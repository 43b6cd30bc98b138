namespace NegLR.Benchmarks.Noise;

/// <summary>
/// The noisy standard workload (PEERS.md): the hardware-efficient workload with depolarizing p1 = 0.001 after every
/// single-qubit gate and two-qubit depolarizing p2 = 0.01 after every CNOT, observable Z0 Z1, θ_k = 0.1·(k + 1).
/// At n = 4 the value is 0.0925623352789334 (checked by DensityMatrixOracleTests).
/// </summary>
public static class NoisyWorkload
{
    public static Circuit Circuit(int qubits) =>
        new NoiseModel()
            .AfterEach(NoiseChannel.Depolarizing(0.001), GateKind.RY, GateKind.RZ)
            .AfterEach(NoiseChannel.TwoQubitDepolarizing(0.01), GateKind.CNOT)
            .ApplyTo(StandardWorkload.Circuit(qubits));
}
