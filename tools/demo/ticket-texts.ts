// What residents and grid workers write, by category: a few realistic titles and descriptions each,
// so the inboxes and timelines of a demo day read like a real district's.

/** A title and description a ticket of the category might carry. */
export interface TicketText {
  title: string;
  description: string;
}

/** Sample texts by category code; categories without an entry use the generic ones. */
export const ticketTexts: Record<string, readonly TicketText[]> = {
  'property.repair': [
    { title: '楼道灯坏了', description: '三楼楼道灯不亮一周了，老人晚上出行不便。' },
    { title: '厨房水管漏水', description: '厨房水槽下水管接口漏水，地面一直是湿的。' },
    { title: '单元门禁失灵', description: '单元门禁刷卡没反应，门一直关不上。' },
  ],
  'property.management': [
    { title: '物业费收费不明', description: '本季度物业费比去年多了一项，物业解释不清楚。' },
    { title: '小区保洁不到位', description: '楼道一周没人打扫，希望物业按约定保洁。' },
  ],
  'environment.sanitation': [
    { title: '垃圾桶满溢', description: '小区东门垃圾桶两天没清运，气味很大。' },
    { title: '绿化带堆放杂物', description: '楼前绿化带被人堆放建筑垃圾。' },
  ],
  'city.management': [
    { title: '占道经营', description: '路口早市摊位占用人行道，行人只能走机动车道。' },
    { title: '井盖松动', description: '小区门口人行道上的井盖松动，踩上去会翻。' },
  ],
  'neighbour.dispute': [
    { title: '楼上噪音扰民', description: '楼上住户每晚十一点后还在装修敲打。' },
    { title: '楼道堆物纠纷', description: '邻居在楼道堆放杂物，沟通多次未果，请社区协调。' },
  ],
  'elderly.disabled.help': [
    { title: '独居老人买药', description: '独居老人行动不便，需要帮忙去药店买降压药。' },
    { title: '轮椅老人就医陪同', description: '腿脚不便的老人周五要去医院复查，家属在外地。' },
    { title: '老人家里电视没信号', description: '八十多岁的老人不会调机顶盒，想请人上门看看。' },
  ],
  'public.health': [
    { title: '疫苗接种咨询', description: '想了解老人流感疫苗在哪里接种、需要带什么。' },
    { title: '楼道消杀', description: '地下室有老鼠，希望安排一次消杀。' },
  ],
  'safety.hazard': [
    { title: '电动车楼道充电', description: '有住户把电动车推进楼道里充电，存在火灾隐患。' },
    { title: '燃气味道', description: '单元门口能闻到燃气味，担心管道泄漏。' },
  ],
  'public.sentiment': [
    { title: '希望增设健身器材', description: '小区里老人多，希望在广场增设几件健身器材。' },
    { title: '公交站点调整建议', description: '公交站搬远后老人上下车不便，希望反映给有关部门。' },
  ],
};

const genericTexts: readonly TicketText[] = [
  { title: '需要社区帮助', description: '家里遇到一些困难，想请社区的同志来看看。' },
  { title: '咨询办事流程', description: '想咨询居住证明怎么开，需要准备什么材料。' },
];

/** The sample texts of a category. */
export function textsFor(categoryCode: string): readonly TicketText[] {
  return ticketTexts[categoryCode] ?? genericTexts;
}
