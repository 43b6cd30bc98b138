namespace NegLR.EdgeBenchmarks;

// The workloads of the edge measurements (docs/edge.md): the two generated hardware-efficient ansätze (RY, RZ on
// every qubit, then CNOT q → q+1 per layer; cost Z0 Z1) and the Iris sample's classifier (angle embedding, three
// entangling layers, cost Z0).

/// <summary>4 qubits × 4 layers: the size of a small edge model.</summary>
[Ansatz(Qubits = 4, Template = AnsatzTemplate.HardwareEfficient, Layers = 4)]
[Observable("Z0 Z1")]
public partial struct Hea4x4;

/// <summary>12 qubits × 40 layers: 960 weights, a state of 4,096 amplitudes.</summary>
[Ansatz(Qubits = 12, Template = AnsatzTemplate.HardwareEfficient, Layers = 40)]
[Observable("Z0 Z1")]
public partial struct Hea12x40;

/// <summary>The Iris sample's classifier (samples/NegLR.Samples.IrisClassifier).</summary>
[Ansatz(Qubits = 4)]
[Observable("Z0")]
public partial struct IrisClassifier
{
    [Circuit]
    private static void Build(Circuit c)
    {
        c.AngleEmbedding(features: 4, rotation: Rotation.Y);
        c.BasicEntanglerLayers(layers: 3, rotation: Rotation.Y);
    }
}
