// Times auditConfigs over 500 generated model folders (Truss, Truss custom server, inference.sh, Cog), each with
// its config and a small Python model file. Run after building: node packages/config/bench/audit-500.mjs
import { auditConfigs } from '../dist/index.js';

const FOLDERS = Number(process.argv[2] ?? 500);

function folder(i) {
  const dir = `models/m${i}`;
  switch (i % 4) {
    case 0:
      return [
        { path: `${dir}/config.yaml`, text: `model_name: m${i}\npython_version: py311\nrequirements:\n  - transformers\nresources:\n  accelerator: A10G\nsecrets:\n  hf_access_token: null\n  extra_${i}: "literal-${i}"\nenvironment_variables:\n  HF_HUB_ENABLE_HF_TRANSFER: "1"\n` },
        { path: `${dir}/model/model.py`, text: `from transformers import pipeline\n\nclass Model:\n    def __init__(self, **kwargs):\n        self._secrets = kwargs["secrets"]\n\n    def load(self):\n        self.p = pipeline("text-generation", token=self._secrets["hf_access_token"])\n\n    def predict(self, x):\n        return self.p(x["prompt"])\n` },
      ];
    case 1:
      return [{ path: `${dir}/config.yaml`, text: `model_name: s${i}\nbase_image:\n  image: vllm/vllm-openai\ndocker_server:\n  start_command: sh -c "HF_TOKEN=$(cat /secrets/hf_access_token) vllm serve x"\n  server_port: 8000\nsecrets:\n  hf_access_token: null\n` }];
    case 2:
      return [
        { path: `${dir}/inf.yml`, text: `name: app${i}\nkernel: python-3.11\nsecrets:\n  - key: OPENAI_API_KEY\n    description: key\n  - key: WEBHOOK_URL\n    optional: true\n` },
        { path: `${dir}/inference.py`, text: `import os\nfrom openai import OpenAI\n\nclass App:\n    async def setup(self, config):\n        self.c = OpenAI()\n        self.w = os.environ["WEBHOOK_URL"]\n` },
      ];
    default:
      return [
        { path: `${dir}/cog.yaml`, text: `build:\n  gpu: true\n  python_version: "3.11"\nenvironment:\n  - HF_HOME=/src\n  - HF_TOKEN=changeme\npredict: predict.py:Predictor\n` },
        { path: `${dir}/predict.py`, text: `from cog import BasePredictor, Secret\n\nclass Predictor(BasePredictor):\n    def predict(self, api_key: Secret) -> str:\n        return "ok"\n` },
      ];
  }
}

const files = Array.from({ length: FOLDERS }, (_, i) => folder(i)).flat();
const started = performance.now();
const cpu = process.cpuUsage();
const result = await auditConfigs(files);
const ms = performance.now() - started;
const { user, system } = process.cpuUsage(cpu);
console.log(`${FOLDERS} model folders, ${files.length} files: ${ms.toFixed(0)} ms wall, ${((user + system) / 1000).toFixed(0)} ms CPU (findings ${result.findings.length}, errors ${result.errors.length})`);
