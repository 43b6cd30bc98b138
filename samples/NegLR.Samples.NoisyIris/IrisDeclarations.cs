namespace NegLR.Samples.NoisyIris;

/// <summary>
/// A 4-qubit Iris classifier on device qubits 0–3 of the illustrative <c>ibmq-manila-2024-05-27</c> profile (passed to
/// the compiler as an AdditionalFiles item): after every gate the profile's depolarizing error and thermal relaxation
/// for the gate's duration, and its readout error. The four measurements enter as RY rotations, three layers of RY on
/// every qubit and CNOTs towards qubit 0 hold the 12 weights (nearest neighbours only: manila's qubits form a line,
/// so the Iris sample's CNOT ring, whose closing 3 → 0 the device cannot run, becomes a ladder), and the prediction is
/// the sign of ⟨Z0⟩.
/// </summary>
[Ansatz(Qubits = 4)]
[Observable("Z0")]
[DeviceProfile("ibmq-manila-2024-05-27.json")]
public partial struct ManilaIris
{
    [Circuit]
    private static void Build(Circuit c)
    {
        c.AngleEmbedding(features: 4, rotation: Rotation.Y);
        for (int layer = 0; layer < 3; layer++)
        {
            for (int q = 0; q < 4; q++)
            {
                c.RY(q, c.Weight());
            }

            for (int q = 3; q > 0; q--)
            {
                c.CNOT(q, q - 1);
            }
        }
    }
}

/// <summary>The ideal twin of <see cref="ManilaIris"/>: the same circuit, no noise.</summary>
[Ansatz(Qubits = 4)]
[Observable("Z0")]
public partial struct IdealIris
{
    [Circuit]
    private static void Build(Circuit c)
    {
        c.AngleEmbedding(features: 4, rotation: Rotation.Y);
        for (int layer = 0; layer < 3; layer++)
        {
            for (int q = 0; q < 4; q++)
            {
                c.RY(q, c.Weight());
            }

            for (int q = 3; q > 0; q--)
            {
                c.CNOT(q, q - 1);
            }
        }
    }
}

/// <summary>
/// Adam under cosine annealing, wrapped in NLR's Lookahead policy: a step that would raise the training loss is taken
/// backwards at the fixed rate η⁻ = 0.02, at most 3 ascent steps in a row.
/// </summary>
[Adam(LearningRate = 0.05)]
[CosineSchedule(TotalSteps = 80, MinimumRate = 0.005)]
[NegativeLearningRate(Policy = NlrPolicy.Lookahead, NegativeRate = 0.02, MaxAscentSteps = 3)]
public partial struct IrisOptimizer;
