namespace NegLR.Samples.QaoaRing;

/// <summary>
/// QAOA with p = 2 for MaxCut on the ring 0–1–2–3–4–5–0. The cost to minimise is −C, where C = Σ (1 − Z_u Z_v)/2 counts
/// the edges a bitstring cuts, so ⟨Cost⟩ = −⟨C⟩. Weights: γ₁, β₁, γ₂, β₂ (each shared by all gates of its layer).
/// </summary>
[Ansatz(Qubits = 6)]
[Observable("0.5 Z0 Z1 + 0.5 Z1 Z2 + 0.5 Z2 Z3 + 0.5 Z3 Z4 + 0.5 Z4 Z5 + 0.5 Z5 Z0 - 3")]
public partial struct RingQaoa
{
    [Circuit]
    private static void Build(Circuit c) =>
        c.QaoaMaxCut(new[] { (0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (5, 0) }, layers: 2);
}

/// <summary>
/// Momentum with an exponentially decaying rate, wrapped in NLR's Periodic policy: after every 10 descent steps one
/// ascent step at η⁻ = 0.25 η⁺, a scheduled kick that costs no extra evaluation.
/// </summary>
[Momentum(LearningRate = 0.05, Momentum = 0.9)]
[ExponentialSchedule(Gamma = 0.99)]
[NegativeLearningRate(Policy = NlrPolicy.Periodic, PositiveSteps = 10, NegativeSteps = 1)]
public partial struct RingOptimizer;
