// Writes model-serving Python files of realistic size (120–450 lines) composed from the building blocks
// such code is made of: settings, clients, loaders, handlers, training loops. Some blocks read secrets,
// log, raise and call HTTP endpoints, so the Python front end has flows to follow.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRandom } from './random.mjs';

const NOUNS = ['model', 'pipeline', 'encoder', 'decoder', 'tokenizer', 'scheduler', 'adapter', 'vocoder', 'ranker', 'captioner'];
const VERBS = ['load', 'prepare', 'encode', 'decode', 'score', 'render', 'embed', 'upload', 'fetch', 'warm'];
const ENV_SECRETS = ['HF_TOKEN', 'OPENAI_API_KEY', 'REPLICATE_API_TOKEN', 'WANDB_API_KEY', 'AWS_SECRET_ACCESS_KEY', 'FAL_KEY'];
const ENV_PLAIN = ['LOG_LEVEL', 'BATCH_SIZE', 'MODEL_ID', 'CACHE_DIR', 'DEVICE', 'MAX_TOKENS'];

const HEADER = `"""Model serving module."""
from __future__ import annotations

import json
import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional

import requests

logger = logging.getLogger(__name__)
`;

const BLOCKS = [
  (r, n) => `

@dataclass
class ${cap(n)}Settings:
    model_id: str = os.environ.get("${r.pick(ENV_PLAIN)}", "${r.pick(NOUNS)}-base")
    batch_size: int = ${r.int(1, 64)}
    max_tokens: int = ${r.int(64, 4096)}
    temperature: float = 0.${r.int(1, 9)}
    cache_dir: Path = Path(os.environ.get("CACHE_DIR", "/tmp/cache"))
    tags: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "model_id": self.model_id,
            "batch_size": self.batch_size,
            "max_tokens": self.max_tokens,
            "temperature": self.temperature,
            "cache_dir": str(self.cache_dir),
            "tags": list(self.tags),
        }
`,
  (r, n) => {
    const secret = r.pick(ENV_SECRETS);
    const leak = r.chance(0.15);
    return `

class ${cap(n)}Client:
    """Thin HTTP client for the hosted ${n} endpoint."""

    def __init__(self, base_url: str = "${r.chance(0.1) ? 'http' : 'https'}://api.example.com/v${r.int(1, 3)}", timeout: float = ${r.int(5, 120)}.0):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.api_key = os.environ["${secret}"]
        self.session = requests.Session()
        self.session.headers.update({"Authorization": f"Bearer {self.api_key}"})
${leak ? `        logger.info("client ready with key %s", self.api_key)\n` : ''}
    def post(self, route: str, payload: dict[str, Any]) -> dict[str, Any]:
        started = time.monotonic()
        response = self.session.post(f"{self.base_url}/{route}", json=payload, timeout=self.timeout)
        if response.status_code >= 400:
            raise RuntimeError(f"{route} failed with {response.status_code}: {response.text[:200]}")
        logger.debug("%s took %.2fs", route, time.monotonic() - started)
        return response.json()

    def close(self) -> None:
        self.session.close()
`;
  },
  (r, n) => `

def ${r.pick(VERBS)}_${n}_weights(repo_id: str, revision: str = "main") -> Path:
    token = os.getenv("HF_TOKEN")
    target = Path(os.environ.get("CACHE_DIR", "/tmp/weights")) / repo_id.replace("/", "--")
    if target.exists():
        logger.info("using cached weights at %s", target)
        return target
    from huggingface_hub import snapshot_download

    attempts = 0
    while True:
        try:
            return Path(snapshot_download(repo_id, revision=revision, token=token, local_dir=target))
        except OSError as error:
            attempts += 1
            if attempts >= ${r.int(2, 5)}:
                raise
            logger.warning("download of %s failed (%s), retrying", repo_id, error)
            time.sleep(2 ** attempts)
`,
  (r, n) => `

class ${cap(n)}Predictor:
    def setup(self) -> None:
        self.settings = {"device": os.environ.get("DEVICE", "cuda"), "dtype": "${r.pick(['float16', 'bfloat16', 'float32'])}"}
        self.model = None
        self.ready = False

    def predict(self, prompt: str, steps: int = ${r.int(1, 50)}, seed: Optional[int] = None) -> dict[str, Any]:
        if not self.ready:
            self.warm()
        started = time.time()
        result = self._run(prompt, steps, seed)
        return {"output": result, "elapsed": time.time() - started, "steps": steps}

    def warm(self) -> None:
        logger.info("warming %s on %s", "${n}", self.settings["device"])
        self.ready = True

    def _run(self, prompt: str, steps: int, seed: Optional[int]) -> str:
        pieces = []
        for step in range(steps):
            pieces.append(f"{prompt}:{step}:{seed or 0}")
        return "|".join(pieces)
`,
  (r, n) => `

def batched(items: Iterable[Any], size: int = ${r.int(2, 32)}) -> Iterable[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def ${r.pick(VERBS)}_${n}_records(path: Path) -> list[dict[str, Any]]:
    records = []
    with path.open("r", encoding="utf-8") as handle:
        for line_number, line in enumerate(handle, start=1):
            line = line.strip()
            if not line:
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise ValueError(f"{path}:{line_number}: {error}") from error
    return records
`,
  (r, n) => {
    const secret = r.pick(ENV_SECRETS);
    const leak = r.chance(0.1);
    return `

def train_${n}(epochs: int = ${r.int(1, 20)}, learning_rate: float = ${r.int(1, 9)}e-${r.int(3, 6)}) -> dict[str, float]:
    api_key = os.environ.get("${secret}")
    if api_key is None:
        raise RuntimeError("${secret} is not set")
${leak ? `    print("training with", api_key)\n` : ''}    history: dict[str, float] = {}
    loss = 1.0
    for epoch in range(epochs):
        loss = loss * (1.0 - learning_rate * ${r.int(10, 900)})
        history[f"epoch_{epoch}"] = loss
        logger.info("epoch %d loss %.4f", epoch, loss)
        if loss < 1e-4:
            break
    return history
`;
  },
  (r, n) => `

class ${cap(n)}Registry:
    def __init__(self) -> None:
        self._items: dict[str, Any] = {}
        self._order: list[str] = []

    def register(self, name: str, value: Any) -> None:
        if name in self._items:
            raise KeyError(f"{name} is already registered")
        self._items[name] = value
        self._order.append(name)

    def get(self, name: str) -> Any:
        try:
            return self._items[name]
        except KeyError:
            raise KeyError(f"unknown ${n}: {name}; known: {', '.join(self._order)}") from None

    def __iter__(self):
        return (self._items[name] for name in self._order)

    def __len__(self) -> int:
        return len(self._order)
`,
];

function cap(word) {
  return word[0].toUpperCase() + word.slice(1);
}

function pythonFile(random) {
  const target = random.int(120, 450);
  let text = HEADER;
  let lines = text.split('\n').length;
  let serial = 0;
  while (lines < target) {
    const name = `${random.pick(NOUNS)}${serial++ ? serial : ''}`;
    const block = random.pick(BLOCKS)(random, name);
    text += block;
    lines += block.split('\n').length - 1;
  }
  return text;
}

/** Writes `count` files under `root/app-NNN/` (ten per folder, like small model packages). */
export function writePythonFiles(root, count, seed = 6) {
  const random = createRandom(seed);
  let lines = 0;
  for (let i = 0; i < count; i++) {
    const dir = path.join(root, `app-${String(Math.floor(i / 10)).padStart(3, '0')}`);
    mkdirSync(dir, { recursive: true });
    const text = pythonFile(random);
    lines += text.split('\n').length;
    writeFileSync(path.join(dir, `${random.pick(NOUNS)}_${i}.py`), text);
  }
  return { count, lines };
}
