namespace NegLR.Samples.CustomLoss;

/// <summary>
/// A 4-qubit, three-class classifier: the four Iris measurements enter as RY angles, then three layers of RY and RZ on
/// every qubit with a CNOT ring. It is read out on three qubits — ⟨Z0⟩, ⟨Z1⟩, ⟨Z2⟩, one score per species — which the
/// program's own loss turns into class probabilities. The declared observable is the generated code's cost; the program
/// trains with all three readouts on the interpreter (a loss of several observables runs there).
/// </summary>
[Ansatz(Qubits = 4)]
[Observable("Z0")]
public partial struct IrisThreeClass
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
                c.RZ(q, c.Weight());
            }

            for (int q = 0; q < 4; q++)
            {
                c.CNOT(q, (q + 1) % 4);
            }
        }
    }
}

/// <summary>Adam at η = 0.05, starting from small uniform weights: both declared, the start through InitialWeights.</summary>
[Adam(LearningRate = 0.05)]
[UniformInitialization(Low = -0.5, High = 0.5)]
public partial class ThreeClassAdam;
