"""ONNX twins of a sentence-transformers model: exported locally (never from a hub), checked
against the torch model, cached, and run by ONNX Runtime. Two graphs per export: fp32 (the same
vectors without importing torch: what questions are embedded with) and dynamic int8 (the
"<model>@onnx-int8" runtime)."""

from __future__ import annotations

import hashlib
import inspect
import json
import logging
import os
import re
import shutil
import tempfile
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from index.errors import MissingExtra, ModelNotFound

if TYPE_CHECKING:
    import numpy as np

SUFFIX = "@onnx-int8"
CACHE_ENV = "CLAUSEQA_MODEL_CACHE"
# Bump when the export below changes what it writes: caches of the old recipe are then ignored.
RECIPE = 3
META = "clauseqa-onnx.json"
MODEL_FILE = "model_qint8.onnx"
FP32_FILE = "model_fp32.onnx"
INSTALL = "pip install onnx onnxruntime"
_INPUTS = ("input_ids", "attention_mask", "token_type_ids")
# A few sentences the export must reproduce: fp32 graph against the torch model, int8 against fp32.
_PROBES = ("This Agreement shall be governed by the laws of the State of New York.",
           "Either party may terminate this Agreement on thirty (30) days' written notice to the other party.",
           "Fees")

log = logging.getLogger(__name__)


def cache_root() -> Path:
    """CLAUSEQA_MODEL_CACHE, else $XDG_CACHE_HOME/clauseqa, else ~/.cache/clauseqa."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit).expanduser()
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "clauseqa"


def load(source: Path, loader: Callable[[str], object], cache_dir: str | Path | None = None) -> OnnxModel:
    """The int8 model of the sentence-transformers folder `source`, exported first if not cached.
    `loader(path)` loads the torch model for the export (index.embedders passes its offline loader)."""
    _require("onnxruntime")
    return OnnxModel(ensure_export(source, Path(cache_dir) if cache_dir else cache_root(), loader))


def cached_fp32(source: Path, cache_dir: str | Path | None = None) -> OnnxModel | None:
    """The fp32 twin of `source` if an export is cached, else None; never exports (that needs torch)."""
    target = (Path(cache_dir) if cache_dir else cache_root()) / _entry_name(source)
    if not _complete(target):
        return None
    try:
        return OnnxModel(target, FP32_FILE)
    except ImportError:  # onnxruntime missing: the caller falls back to the torch model
        return None


class OnnxModel:
    """One graph of a cached export, run by ONNX Runtime: texts in, unit vectors out (mean pooling
    and normalisation are inside the graph)."""

    def __init__(self, folder: Path, file: str = MODEL_FILE):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.folder = folder
        meta = json.loads((folder / META).read_text(encoding="utf-8"))
        self.dimension = int(meta["dimension"])
        self._inputs = tuple(meta["inputs"])
        self._pad_id = int(meta["pad_id"])
        self._tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(max_length=int(meta["max_seq_length"]))
        options = ort.SessionOptions()
        options.log_severity_level = 3  # errors only: ORT warns about unused initialisers
        # idle threads sleep instead of spinning: on a machine shared with other work, spinning
        # threads fight it for the cores (measured here: ~2x the CPU time for the same texts)
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._session = ort.InferenceSession(str(folder / file), options, providers=["CPUExecutionProvider"])

    def encode(self, texts: Sequence[str], batch_size: int = 1) -> np.ndarray:
        """A float32 numpy array of unit vectors, one row per text."""
        import numpy as np

        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        if not texts:
            return out
        encodings = self._tokenizer.encode_batch([str(t).strip() for t in texts])
        # longest first, by token count: each batch is padded only to its own longest text
        order = sorted(range(len(encodings)), key=lambda i: -len(encodings[i].ids))
        for start in range(0, len(order), batch_size):
            rows = order[start:start + batch_size]
            width = len(encodings[rows[0]].ids)
            feed = {name: np.zeros((len(rows), width), dtype=np.int64) for name in self._inputs}
            feed["input_ids"].fill(self._pad_id)
            for r, i in enumerate(rows):
                e = encodings[i]
                n = len(e.ids)
                feed["input_ids"][r, :n] = e.ids
                feed["attention_mask"][r, :n] = 1
                if "token_type_ids" in feed:
                    feed["token_type_ids"][r, :n] = e.type_ids
            out[rows] = self._session.run(["sentence_embedding"], feed)[0]
        return out


def ensure_export(source: Path, root: Path, loader: Callable[[str], object]) -> Path:
    """The cached ONNX export (fp32 and int8) of the model folder `source`, made now if absent. The export is
    written to a temp folder beside the cache entry and renamed into place when complete, so a
    crash never leaves a half-written model where the next run would load it."""
    target = root / _entry_name(source)
    if _complete(target):
        return target
    if target.exists() and not _complete(target):  # not from a finished export (made by hand?)
        shutil.rmtree(target, ignore_errors=True)
    try:
        root.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=root))
    except OSError as exc:
        raise ModelNotFound(f"Cannot write the ONNX model cache at {root} ({exc.strerror}) — "
                            f"set {CACHE_ENV} to a writable folder") from exc
    try:
        log.warning("Exporting %s to ONNX (fp32 and int8) in %s (once; takes a few seconds)", source, target)
        _export(source, work, loader)
        work.chmod(0o755)  # mkdtemp makes it private; the cache entry is an ordinary folder
        try:
            work.rename(target)
        except OSError as exc:
            if not _complete(target):  # else another process finished the same export first: keep theirs
                raise ModelNotFound(f"Cannot move the ONNX export into {target} ({exc.strerror}) — "
                                    f"set {CACHE_ENV} to a writable folder") from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


def _complete(target: Path) -> bool:
    return all((target / name).is_file() for name in (META, MODEL_FILE, FP32_FILE))


def _export(source: Path, out: Path, loader: Callable[[str], object]) -> None:
    """Torch model -> fp32 ONNX graph (mean pooling and normalisation inside) -> dynamic int8
    quantisation, then check both graphs against the torch model on a few sentences."""
    ort = _require("onnxruntime", "onnx")
    import numpy as np
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    st = loader(str(source))
    transformer, pooling = _check_modules(st, source)
    tokenizer = transformer.tokenizer
    inputs = tuple(n for n in _INPUTS if n != "token_type_ids" or n in tokenizer.model_input_names)

    class Pooled(torch.nn.Module):
        def __init__(self, model):
            super().__init__()
            self.model = model

        def forward(self, *args):
            kwargs = dict(zip(inputs, args))
            hidden = self.model(**kwargs).last_hidden_state
            mask = kwargs["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, p=2, dim=1)

    fp32 = out / FP32_FILE
    sample = tokenizer(["a clause", "and a somewhat longer clause to pad against"], padding=True,
                       return_tensors="pt")
    axes = {n: {0: "batch", 1: "tokens"} for n in inputs} | {"sentence_embedding": {0: "batch"}}
    # the TorchScript exporter needs no extra package; the dynamo one (default from torch 2.9) needs onnxscript
    legacy = {"dynamo": False} if "dynamo" in inspect.signature(torch.onnx.export).parameters else {}
    with torch.inference_mode(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # tracer and deprecation chatter: the checks below decide
        torch.onnx.export(Pooled(transformer.auto_model.eval()), tuple(sample[n] for n in inputs), str(fp32),
                          input_names=list(inputs), output_names=["sentence_embedding"], dynamic_axes=axes,
                          opset_version=17, **legacy)
    # the recipe of sentence-transformers' export_dynamic_quantized_onnx_model(..., "avx512_vnni"):
    # signed symmetric int8 weights per channel, unsigned activations, full range; but MatMul only,
    # as quantising the embedding lookup (Gather) saves no time and cost ~0.02 CUAD hit@5 here
    quiet = logging.NullHandler()  # the quantiser logs through the root logger, which would
    logging.root.addHandler(quiet)  # otherwise get a handler installed for the whole process
    try:
        quantize_dynamic(str(fp32), str(out / MODEL_FILE), op_types_to_quantize=["MatMul"],
                         weight_type=QuantType.QInt8, per_channel=True, reduce_range=False,
                         extra_options={"WeightSymmetric": True, "ActivationSymmetric": False})
    finally:
        logging.root.removeHandler(quiet)
    reference = st.encode(list(_PROBES), normalize_embeddings=True, convert_to_numpy=True)
    feed = {n: v.numpy() for n, v in tokenizer(list(_PROBES), padding=True, truncation=True,
                                              max_length=st.max_seq_length, return_tensors="pt").items()
            if n in inputs}
    for path, floor in ((fp32, 0.9999), (out / MODEL_FILE, 0.95)):
        got = _session(path).run(["sentence_embedding"], feed)[0]
        cosine = float(np.min(np.sum(got * reference, axis=1)))
        if cosine < floor:
            raise ModelNotFound(f"The ONNX export of {source} does not reproduce the model ({path.name}: "
                                f"cosine {cosine:.4f} < {floor}) — use the model without {SUFFIX}")
    tokenizer.backend_tokenizer.save(str(out / "tokenizer.json"))
    meta = {"recipe": RECIPE, "source": str(source), "dimension": int(reference.shape[1]),
            "max_seq_length": int(st.max_seq_length), "inputs": list(inputs),
            "pad_id": int(tokenizer.pad_token_id or 0), "pooling": pooling,
            "onnxruntime": ort.__version__, "exported": time.strftime("%Y-%m-%dT%H:%M:%S")}
    (out / META).write_text(json.dumps(meta, indent=1), encoding="utf-8")  # last: marks a complete export


def _check_modules(st, source: Path):
    """(transformer, pooling mode): only Transformer -> mean Pooling (-> Normalize) is exported."""
    kinds = [type(m).__name__ for m in st]
    pooling = st[1].get_config_dict().get("pooling_mode") if len(st) > 1 else None
    if kinds[:2] != ["Transformer", "Pooling"] or kinds[2:] not in ([], ["Normalize"]) or pooling != "mean":
        raise ModelNotFound(f"The {SUFFIX} backend exports models made of Transformer, mean Pooling and "
                            f"Normalize; {source} has {' -> '.join(kinds)} (pooling {pooling}) — "
                            f"use it without {SUFFIX}")
    return st[0], pooling


def _session(path: Path):
    import onnxruntime as ort

    return ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])


def _entry_name(source: Path) -> str:
    """<model folder name>-<fingerprint>-onnx-r<recipe>. The fingerprint is the folder's path and
    its files' sizes and modification times: cheap, and changed by a new model at the same path."""
    digest = hashlib.sha256(str(source).encode())
    for path in sorted(p for p in source.rglob("*") if p.is_file()):
        stat = path.stat()
        digest.update(f"{path.relative_to(source)}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", source.name if source.name != "model" else source.parent.name)
    return f"{slug}-{digest.hexdigest()[:12]}-onnx-r{RECIPE}"


def _require(*modules: str):
    """Import the named optional modules (returns the first); a missing one names the fix."""
    import importlib

    loaded = []
    for name in modules:
        try:
            loaded.append(importlib.import_module(name))
        except ImportError as exc:
            raise MissingExtra(f"The {SUFFIX} embedding backend needs {' and '.join(modules)} ({name} is "
                               f"not installed) — run: {INSTALL}") from exc
    return loaded[0]
