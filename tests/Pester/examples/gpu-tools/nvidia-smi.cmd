@type "%~dp0nvidia-smi-q-x.xml"
