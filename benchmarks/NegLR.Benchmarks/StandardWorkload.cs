namespace NegLR.Benchmarks;

/// <summary>
/// The workload every performance issue measures: a hardware-efficient ansatz on n qubits with L = n layers
/// (RY, RZ on every qubit, then CNOT q → q+1), observable Z0 Z1, weights θ_k = 0.1·(k+1) in gate order.
/// </summary>
public static class StandardWorkload
{
    public static Circuit Circuit(int qubits) => new Circuit(qubits).HardwareEfficient(layers: qubits);

    public static PauliSum Observable { get; } = new(new[] { new PauliTerm(1, 0, 0b11) });

    public static double[] Weights(int count)
    {
        var w = new double[count];
        for (int k = 0; k < count; k++)
        {
            w[k] = 0.1 * (k + 1);
        }

        return w;
    }
}
