"""The digitisation workbench (数字化工作台, A5, DA/T 31): the batches, and one batch's page — its records,
cover sheets, importing a scanned stack, the quality check, the 待处理 queue, the next step and the boxes'
return. Every action calls ``services/digitise/``; the rules stay there and in ``domain/digitise/``."""
