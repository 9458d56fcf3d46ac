"""Fit the question adapter (assistant/adapter.py) on labelled candidates: W such that the softmax
over a question's candidates, by the cosine of W·q with each, puts its weight on the sentences that
answer it. Candidates of one question all come from the contract it was asked of, so what W learns
is what tells the answering sentence apart from the rest of that contract, not what contracts sound
like. Deterministic: one thread, a fixed seed and a fixed order, so `make train` writes the same bytes."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from assistant.adapter import QuestionAdapter

EPOCHS = 3
BATCH = 16
LEARNING_RATE = 3e-3
TEMPERATURE = 0.05
# pull toward the plain embedding (W = I): a question unlike any fitted keeps most of its meaning
RIDGE = 1e-2
SEED = 7


def training_rows(questions: Sequence) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """(question vector, its single-sentence candidates' vectors, which of them answer) for each
    question with an answering sentence among its candidates; windows of sentences stay out."""
    rows = []
    for q in questions:
        evidence = q.evidence
        if evidence.vectors is None or evidence.question_vector is None or not len(evidence):
            continue
        single = np.asarray([c.width == 1 for c in evidence.candidates], dtype=bool)
        right = (np.asarray(q.labels) == 1) & single
        if not right.any() or right[single].all():
            continue
        vectors = evidence.vectors[single].astype(np.float32)
        vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
        rows.append((np.asarray(evidence.question_vector, dtype=np.float32), vectors, right[single]))
    return rows


def fit_adapter(questions: Sequence, epochs: int = EPOCHS) -> QuestionAdapter:
    """The adapter fitted on these questions' labelled candidates (see training_rows)."""
    import torch

    rows = training_rows(questions)
    if not rows:
        return QuestionAdapter()
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        torch.manual_seed(SEED)
        size = len(rows[0][0])
        delta = torch.zeros(size, size, requires_grad=True)
        optimiser = torch.optim.Adam([delta], lr=LEARNING_RATE)
        eye = torch.eye(size)
        for epoch in range(epochs):
            order = np.random.RandomState(SEED + epoch).permutation(len(rows))
            for at in range(0, len(order), BATCH):
                batch = [rows[i] for i in order[at:at + BATCH]]
                loss = _batch_loss(batch, eye + delta, torch) + RIDGE * (delta ** 2).sum()
                optimiser.zero_grad()
                loss.backward()
                optimiser.step()
        return QuestionAdapter((eye + delta).detach().numpy().astype(np.float32))
    finally:
        torch.set_num_threads(threads)


def _batch_loss(batch, matrix, torch):
    """Mean over the batch of -log(softmax weight on the answering sentences)."""
    width = max(len(v) for _, v, _ in batch)
    vectors = torch.zeros(len(batch), width, matrix.shape[0])
    right = torch.zeros(len(batch), width, dtype=torch.bool)
    present = torch.zeros(len(batch), width, dtype=torch.bool)
    for n, (_, v, r) in enumerate(batch):
        vectors[n, :len(v)] = torch.from_numpy(v)
        right[n, :len(r)] = torch.from_numpy(r)
        present[n, :len(v)] = True
    questions = torch.nn.functional.normalize(torch.from_numpy(np.stack([q for q, _, _ in batch])) @ matrix, dim=1)
    scores = torch.einsum("bnd,bd->bn", vectors, questions) / TEMPERATURE
    low = torch.finfo(scores.dtype).min
    every = torch.logsumexp(scores.masked_fill(~present, low), dim=1)
    answering = torch.logsumexp(scores.masked_fill(~right, low), dim=1)
    return (every - answering).mean()
