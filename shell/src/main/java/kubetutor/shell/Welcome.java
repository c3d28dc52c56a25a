package kubetutor.shell;

import kubetutor.engine.lesson.Language;

import java.util.List;

/** The few lines the shell greets with, in the lessons' language: what this is, how to move, where to start. */
record Welcome(String titleFormat, String body, String lessonsFormat, String noLessons) {
    static Welcome in(Language language) {
        return switch (language) {
            case KO -> new Welcome("kubetutor: 시뮬레이션된 쿠버네티스 클러스터 (노드 %s)",
                    "실제 클러스터에서처럼 kubectl 명령을 입력하세요. 그 밖에 입력할 수 있는 것은 'help'가 보여 줍니다.\n"
                            + "시뮬레이션 시계는 실제 시간을 따라갑니다 ('clock manual'은 명령 사이에 시계를 멈추고, 'sleep 5m'은 시간을 건너뜁니다).\n"
                            + "Tab은 완성, 위쪽 화살표는 이전 명령, Ctrl-R은 기록 검색, Ctrl-C는 명령 중단, Ctrl-D나 'exit'는 종료입니다.\n",
                    "처음이라면 'lesson'으로 레슨 목록을 보고 'lesson %s'로 첫 레슨을 시작하세요.",
                    "설치된 레슨이 없습니다.");
            case EN -> new Welcome("kubetutor: a simulated Kubernetes cluster (nodes %s)",
                    "Type kubectl commands as you would on a real cluster; 'help' shows what else you can type.\n"
                            + "The simulated clock follows yours ('clock manual' stops it between commands; 'sleep 5m' skips ahead).\n"
                            + "Tab completes, Up recalls, Ctrl-R searches history, Ctrl-C stops a command, Ctrl-D or 'exit' leaves.\n",
                    "New here? 'lesson' lists the guided lessons, and 'lesson %s' starts the first.",
                    "No lessons are installed.");
        };
    }

    String title(String nodes) {
        return String.format(titleFormat, nodes);
    }

    String lessons(List<String> ids) {
        return ids.isEmpty() ? noLessons : String.format(lessonsFormat, ids.get(0));
    }
}
