namespace NegLR.Samples.IrisClassifier;

/// <summary>
/// A 4-qubit classifier: the four Iris measurements, scaled to angles, enter as RY rotations (angle embedding); three
/// entangling layers (RY on every qubit, then the CNOT ring 0→1→2→3→0) hold the 12 weights. The prediction is ⟨Z0⟩:
/// above 0 means virginica, below 0 versicolor. The ring closes on qubit 0, so every weight lies inside Z0's light cone
/// (with StronglyEntanglingLayers(2) the analyzers report NLR0204: six weights outside it). One weight still never
/// moves: the last layer's RY on qubit 0 (w[8]), because the final ring carries Z0 back to Z1 Z2 Z3, which does not
/// act on qubit 0 — a zero the light cone cannot see, and a reason to measure with BarrenPlateauProbe too.
/// </summary>
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

/// <summary>
/// Adam under cosine annealing, wrapped in NLR's Lookahead policy: a step that would raise the training loss is taken
/// backwards at the fixed rate η⁻ = 0.02, at most 3 ascent steps in a row.
/// </summary>
[Adam(LearningRate = 0.05)]
[CosineSchedule(TotalSteps = 100, MinimumRate = 0.005)]
[NegativeLearningRate(Policy = NlrPolicy.Lookahead, NegativeRate = 0.02, MaxAscentSteps = 3)]
public partial struct IrisOptimizer;
