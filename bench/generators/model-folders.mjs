// Writes small model repositories of the three platforms (Truss, inference.sh, Cog) for the config section.
// Roughly one folder in eight carries a mistake the validator should catch, as real repositories do.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRandom } from './random.mjs';

const TASKS = ['text-generation', 'image-to-text', 'speech-to-text', 'embeddings', 'upscaler', 'diffusion'];
const HF_MODELS = ['meta-llama/Llama-3.1-8B-Instruct', 'openai/whisper-large-v3', 'stabilityai/sdxl-turbo', 'BAAI/bge-m3', 'Qwen/Qwen2.5-7B-Instruct'];

/** Creates `count` folders model-0000 … under `root`; returns the counts per platform. */
export function writeModelFolders(root, count, seed = 20261122) {
  const random = createRandom(seed);
  const writers = [writeTruss, writeInferenceSh, writeCog];
  const perPlatform = { truss: 0, 'inference.sh': 0, cog: 0 };
  for (let i = 0; i < count; i++) {
    const dir = path.join(root, `model-${String(i).padStart(4, '0')}`);
    const writer = writers[i % writers.length];
    perPlatform[writer(dir, random, i)]++;
  }
  return perPlatform;
}

function put(file, text) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** A token-shaped value built at run time: the generator's own source stays free of secret-looking literals. */
function fakeHfToken(random) {
  return `hf_${random.token(34)}`;
}

function writeTruss(dir, random, index) {
  const flawed = random.chance(0.125);
  const hfModel = random.pick(HF_MODELS);
  const secretValue = flawed ? JSON.stringify(fakeHfToken(random)) : 'null';
  const tracked = random.chance(0.5);
  put(
    path.join(dir, 'config.yaml'),
    `model_name: ${random.pick(TASKS)}-${index}
python_version: py311
requirements:
  - torch==2.5.1
  - transformers==4.47.0
  - accelerate==1.2.1
resources:
  accelerator: ${random.pick(['A10G', 'L4', 'H100', 'T4'])}
  use_gpu: true
model_metadata:
  repo_id: ${hfModel}
secrets:
  hf_access_token: ${secretValue}
${tracked ? `  wandb_api_key: null\n` : ''}environment_variables:
  LOG_LEVEL: INFO
`,
  );
  put(
    path.join(dir, 'model', 'model.py'),
    `${tracked ? 'import wandb\n' : ''}from transformers import AutoModelForCausalLM, AutoTokenizer


class Model:
    def __init__(self, **kwargs):
        self._secrets = kwargs["secrets"]
        self._config = kwargs["config"]
        self._model = None
        self._tokenizer = None

    def load(self):
        token = self._secrets["hf_access_token"]
        repo_id = self._config["model_metadata"]["repo_id"]
        self._tokenizer = AutoTokenizer.from_pretrained(repo_id, token=token)
        self._model = AutoModelForCausalLM.from_pretrained(repo_id, token=token, device_map="auto")
${flawed ? '        print(f"loaded {repo_id} with token {token}")\n' : ''}${tracked ? '        wandb.login(key=self._secrets["wandb_api_key"])\n' : ''}
    def predict(self, model_input):
        prompt = model_input["prompt"]
        max_new_tokens = int(model_input.get("max_new_tokens", ${random.int(64, 1024)}))
        inputs = self._tokenizer(prompt, return_tensors="pt").to(self._model.device)
        output = self._model.generate(**inputs, max_new_tokens=max_new_tokens)
        return {"output": self._tokenizer.decode(output[0], skip_special_tokens=True)}
`,
  );
  return 'truss';
}

function writeInferenceSh(dir, random, index) {
  const flawed = random.chance(0.125);
  const undeclaredRead = flawed ? '        self.tracker_key = os.environ["WANDB_API_KEY"]\n' : '';
  const captions = random.chance(0.4);
  put(
    path.join(dir, 'inf.yml'),
    `name: ${random.pick(TASKS)}-app-${index}
description: ${random.pick(['Fast', 'Accurate', 'Small', 'Distilled'])} model served on inference.sh
category: ${random.pick(['image', 'audio', 'text', 'video'])}
kernel: python-3.11
resources:
  gpu:
    count: 1
    vram: ${random.pick([8, 16, 24, 48])}
secrets:
  - key: HF_TOKEN
    description: Hugging Face token with read access to the gated weights
${captions ? '  - key: OPENAI_API_KEY\n    description: OpenAI key for the captioning step\n    optional: true\n' : ''}env:
  BATCH_SIZE: "${random.int(1, 16)}"
`,
  );
  put(
    path.join(dir, 'inference.py'),
    `import os

from inferencesh import BaseApp, BaseAppInput, BaseAppOutput
from huggingface_hub import snapshot_download


class AppInput(BaseAppInput):
    prompt: str
    steps: int = ${random.int(4, 50)}


class AppOutput(BaseAppOutput):
    text: str


class App(BaseApp):
    async def setup(self, config):
        self.weights = snapshot_download("${random.pick(HF_MODELS)}", token=os.environ["HF_TOKEN"])
        self.batch_size = int(os.environ.get("BATCH_SIZE", "1"))
${undeclaredRead}${captions ? '        self.captioner_key = os.environ.get("OPENAI_API_KEY")\n' : ''}
    async def run(self, input_data: AppInput) -> AppOutput:
        text = f"{input_data.prompt} ({input_data.steps} steps, batch {self.batch_size})"
        return AppOutput(text=text)
`,
  );
  return 'inference.sh';
}

function writeCog(dir, random, index) {
  const flawed = random.chance(0.125);
  const environment = flawed ? `  environment:\n    - HF_TOKEN=${fakeHfToken(random)}\n` : '';
  put(
    path.join(dir, 'cog.yaml'),
    `build:
  gpu: true
  python_version: "3.11"
  python_packages:
    - torch==2.5.1
    - diffusers==0.31.0
    - huggingface_hub==0.26.5
${environment}predict: "predict.py:Predictor"
image: "r8.im/example/${random.pick(TASKS)}-${index}"
`,
  );
  put(
    path.join(dir, 'predict.py'),
    `from typing import Optional

from cog import BasePredictor, Input, Path, Secret
from diffusers import AutoPipelineForText2Image


class Predictor(BasePredictor):
    def setup(self) -> None:
        self.pipe = AutoPipelineForText2Image.from_pretrained("${random.pick(HF_MODELS)}")

    def predict(
        self,
        prompt: str = Input(description="What to draw"),
        steps: int = Input(description="Denoising steps", default=${random.int(1, 50)}),
        hf_token: Optional[Secret] = Input(description="Token for private LoRA weights", default=None),
    ) -> Path:
        if hf_token is not None:
            self.pipe.load_lora_weights("example/lora", token=hf_token.get_secret_value())
        image = self.pipe(prompt, num_inference_steps=steps).images[0]
        out = Path("/tmp/out.png")
        image.save(out)
        return out
`,
  );
  return 'cog';
}
